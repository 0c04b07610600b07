import { listAccounts } from "@canaduck/domain";
import { words, type AdminCommand } from "../admin-context";

export const listAccountsCommand: AdminCommand = {
  usage: "list-accounts",
  summary: "every account, oldest first: name, admin, created, suspended",
  async run(input) {
    words(input, 0, 0, this.usage);
    const accounts = await listAccounts(await input.openDomain());
    const lines = accounts.map((a) =>
      [
        a.name,
        a.isAdmin ? "admin" : "user",
        a.createdAt.toISOString(),
        a.suspendedAt
          ? `suspended ${a.suspendedAt.toISOString()}${a.suspendReason ? `: ${a.suspendReason}` : ""}`
          : "active",
      ].join("\t"),
    );
    return [...lines, `${accounts.length} account(s)`].join("\n");
  },
};
