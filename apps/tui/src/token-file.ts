import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TokenStore } from "@canaduck/client";

/** The file that holds the session tokens, one per server URL. */
export const SESSIONS_FILE = "sessions.json";

/** A server URL as the key of its token: "http://Host:3000/" and "http://host:3000" are the same server. */
export const serverKey = (url: string): string => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
};

type Sessions = Record<string, string>;

function readSessions(file: string): Sessions {
  try {
    const data: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof data !== "object" || data === null) return {};
    return Object.fromEntries(
      Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    // Missing or unreadable: no saved login, the user logs in again.
    return {};
  }
}

/**
 * Keeps the session token in the user's config directory, readable by its owner only (dir 0700,
 * file 0600), so the next start logs in without asking. Written to a temporary file and renamed,
 * so a crash never leaves half a file. The token is cached: `load` is called on every reconnect.
 */
export function fileTokenStore(configDir: string, url: string): TokenStore {
  const file = path.join(configDir, SESSIONS_FILE);
  const key = serverKey(url);
  let token: string | null = readSessions(file)[key] ?? null;

  const write = (update: (sessions: Sessions) => Sessions) => {
    mkdirSync(configDir, { recursive: true, mode: 0o700 });
    chmodSync(configDir, 0o700);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(update(readSessions(file)), null, 2)}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  };

  return {
    load: () => token,
    save: (t) => {
      token = t;
      write((sessions) => ({ ...sessions, [key]: t }));
    },
    clear: () => {
      token = null;
      write(({ [key]: _gone, ...rest }) => rest);
    },
  };
}
