import { redactDatabaseUrl, restoreDatabase } from "@canaduck/db";
import { words, type AdminCommand } from "../admin-context";

export const restoreCommand: AdminCommand = {
  usage: "restore <file> [--force]",
  summary: "put a backup in place of the database, the server stopped; --force replaces one that holds data",
  async run(input) {
    const [file = ""] = words(input, 1, 1, this.usage);
    await restoreDatabase(input.config.databaseUrl, file, { force: input.flags.has("force") });
    return `restored ${file} into ${redactDatabaseUrl(input.config.databaseUrl)}; start the server to apply any newer migrations`;
  },
};
