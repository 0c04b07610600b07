import { setAdmin } from "@canaduck/domain";
import { words, type AdminCommand } from "../admin-context";

export const revokeAdminCommand: AdminCommand = {
  usage: "revoke-admin <name>",
  summary: "make a server admin a plain user",
  async run(input) {
    const [name = ""] = words(input, 1, 1, this.usage);
    const { result } = await setAdmin(await input.openDomain(), { name, admin: false });
    return result.changed ? `${result.name} is no longer a server admin` : `${result.name} was not a server admin`;
  },
};
