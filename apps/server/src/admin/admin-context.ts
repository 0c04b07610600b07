import { openDatabase, type Database } from "@canaduck/db";
import type { DomainDeps } from "@canaduck/domain";
import { argon2Hasher } from "../auth/argon2-hasher";
import type { ServerConfig } from "../config";
import { serverDomain } from "../domain-deps";
import { patientStore } from "./patient-store";

/** What a command is given: its words, its flags, the configuration, and the database on demand. */
export interface AdminInput {
  args: string[];
  flags: Set<string>;
  config: ServerConfig;
  /** Everything piped to the command (the password), read when asked for. */
  readStdin(): Promise<string>;
  /** Opens the configured database, applying its pending migrations as the server does at start. */
  openDomain(): Promise<DomainDeps>;
}

/** A command of the admin command line: one file each in commands/. */
export interface AdminCommand {
  usage: string;
  summary: string;
  /** Returns the one line printed on success. */
  run(input: AdminInput): Promise<string>;
}

/** A mistake in how the command was called: printed as it is, exit code 1. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The server's own ports over the configured database: the same hasher, store and rules. */
export async function openAdminDomain(config: ServerConfig, onOpen: (database: Database) => void): Promise<DomainDeps> {
  const database = await openDatabase(config.databaseUrl, config.migrationsDir, {
    warn: (details, message) => console.error(message, details),
  });
  onOpen(database);
  // Nobody is connected to a command line; presence only decorates views it does not show.
  const presence = { onlineAmong: () => Promise.resolve(new Set<string>()) };
  return serverDomain(config, { store: patientStore(database.store), passwords: argon2Hasher, presence });
}

/** The words after the command, requiring `min` to `max` of them. */
export function words(input: AdminInput, min: number, max: number, usage: string): string[] {
  if (input.args.length < min || input.args.length > max) throw new UsageError(`usage: canaduck-admin ${usage}`);
  return input.args;
}

/** The password piped in: its first line, as `echo secret | canaduck-admin …` or a file gives it. */
export async function passwordFrom(input: AdminInput): Promise<string> {
  const [line = ""] = (await input.readStdin()).split(/\r?\n/);
  if (line === "")
    throw new UsageError(
      "give the password on standard input, e.g. printf '%s\\n' 'the password' | npm run admin -- …",
    );
  return line;
}

/**
 * The admin command line changes the database only; a running server learns of it from its
 * session sweep (every SESSION_SWEEP_MS, read here from the same configuration as the server's),
 * or when it next reads the session, which it does for every command and every reconnect.
 */
export const liveNote = (config: ServerConfig): string =>
  config.sessionSweepMs > 0
    ? `a running server closes its connections within ${config.sessionSweepMs} ms; it cannot reconnect`
    : "a connected client is refused from its next command on and cannot reconnect";
