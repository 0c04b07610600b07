import type { Database } from "@canaduck/db";
import { loadConfig } from "../config";
import { openAdminDomain, UsageError, type AdminInput } from "./admin-context";
import { adminCommands } from "./commands";

/** Flags each command may take; anything else starting with -- is a mistake. */
const KNOWN_FLAGS = new Set(["admin", "force", "password-stdin"]);

export interface AdminIo {
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

function helpText(): string {
  const rows = Object.values(adminCommands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    "usage: canaduck-admin <command> (or npm run admin -- <command>), configured as the server is:",
    ...rows,
  ].join("\n");
}

/** Runs one admin command: its line on success (exit 0), a one-line message on error (exit 1). */
export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help") {
    io.out(helpText());
    return name === undefined ? 1 : 0;
  }
  const command = adminCommands[name];
  if (command === undefined) {
    io.err(`canaduck-admin: unknown command ${name}; the commands are ${Object.keys(adminCommands).join(", ")}`);
    return 1;
  }
  const databases: Database[] = [];
  try {
    const flags = new Set(rest.filter((word) => word.startsWith("--")).map((word) => word.slice(2)));
    for (const flag of flags)
      if (!KNOWN_FLAGS.has(flag))
        throw new UsageError(`unknown option --${flag}; usage: canaduck-admin ${command.usage}`);
    const config = loadConfig();
    let deps: ReturnType<typeof openAdminDomain> | undefined;
    const input: AdminInput = {
      args: rest.filter((word) => !word.startsWith("--")),
      flags,
      config,
      readStdin: () => io.readStdin(),
      openDomain: () => (deps ??= openAdminDomain(config, (database) => databases.push(database))),
    };
    io.out(await command.run(input));
    return 0;
  } catch (error) {
    // A refusal (DomainError), a usage mistake, a bad configuration or database: one line each.
    const message = error instanceof Error ? error.message : String(error);
    io.err(
      `canaduck-admin ${name}: ${message
        .split("\n")
        .map((line) => line.trim())
        .join(" ")}`,
    );
    return 1;
  } finally {
    for (const database of databases) await database.close();
  }
}
