import { setAdmin } from "@canaduck/domain";
import { words, type AdminCommand } from "../admin-context";

export const grantAdminCommand: AdminCommand = {
  usage: "grant-admin <name>",
  summary: "make the account a server admin",
  async run(input) {
    const [name = ""] = words(input, 1, 1, this.usage);
    const { result } = await setAdmin(await input.openDomain(), { name, admin: true });
    return result.changed ? `${result.name} is now a server admin` : `${result.name} was already a server admin`;
  },
};
