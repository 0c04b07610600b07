import { backupDatabase, redactDatabaseUrl } from "@canaduck/db";
import { words, type AdminCommand } from "../admin-context";

export const backupCommand: AdminCommand = {
  usage: "backup <file>",
  summary:
    "write a consistent copy of the database to a new file, while the server runs (SQLite: VACUUM INTO; PostgreSQL: pg_dump -Fc)",
  async run(input) {
    const [file = ""] = words(input, 1, 1, this.usage);
    await backupDatabase(input.config.databaseUrl, file);
    return `backed up ${redactDatabaseUrl(input.config.databaseUrl)} to ${file}`;
  },
};
