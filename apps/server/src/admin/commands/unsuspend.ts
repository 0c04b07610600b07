import { unsuspendAccount } from "@canaduck/domain";
import { words, type AdminCommand } from "../admin-context";

export const unsuspendCommand: AdminCommand = {
  usage: "unsuspend <name>",
  summary: "let a suspended account log in again",
  async run(input) {
    const [name = ""] = words(input, 1, 1, this.usage);
    const { result } = await unsuspendAccount(await input.openDomain(), { name });
    return `${result.name} can log in again`;
  },
};
