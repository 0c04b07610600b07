import { createAccount } from "@canaduck/domain";
import { passwordFrom, words, type AdminCommand } from "../admin-context";

export const createAccountCommand: AdminCommand = {
  usage: "create-account <name> [--admin] (password on stdin)",
  summary: "create an account, as registering does; --admin makes it a server admin",
  async run(input) {
    const [name = ""] = words(input, 1, 1, this.usage);
    const password = await passwordFrom(input);
    const { result } = await createAccount(await input.openDomain(), {
      name,
      password,
      admin: input.flags.has("admin"),
    });
    return `created ${result.name}${result.isAdmin ? " (server admin)" : ""}`;
  },
};
