import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PendingSend } from "@canaduck/client";
import { serverKey } from "./token-file";

/** The file beside the saved sessions that keeps lines not yet taken by the server, per server. */
export const OUTBOX_FILE = "outbox.json";

/** A send as it is kept on disk: enough to send it again under the same client id (stored once). */
export interface SavedSend {
  clientId: string;
  target: string;
  text: string;
  action: boolean;
  replyTo?: number;
}

/** Whose lines they are: another account logged in on this server must not send them. */
interface SavedOutbox {
  userId: string;
  sends: SavedSend[];
}

type Outboxes = Record<string, SavedOutbox>;

const isSend = (s: unknown): s is SavedSend => {
  if (typeof s !== "object" || s === null) return false;
  const o = s as Record<string, unknown>;
  return (
    typeof o.clientId === "string" &&
    typeof o.target === "string" &&
    typeof o.text === "string" &&
    typeof o.action === "boolean" &&
    (o.replyTo === undefined || typeof o.replyTo === "number")
  );
};

function readOutboxes(file: string): Outboxes {
  try {
    const data: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof data !== "object" || data === null) return {};
    const out: Outboxes = {};
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const box = value as Partial<SavedOutbox> | null;
      if (box && typeof box.userId === "string" && Array.isArray(box.sends))
        out[key] = { userId: box.userId, sends: box.sends.filter(isSend) };
    }
    return out;
  } catch {
    // Missing or unreadable: nothing was left unsent.
    return {};
  }
}

/**
 * Lines typed while disconnected, kept on disk (like the session token: owner-only, written to a
 * temporary file and renamed) so they survive quitting and restarting, and are sent on the next
 * login of the same account, under the client id they had, so the server stores each once.
 */
export function fileOutbox(configDir: string, url: string) {
  const file = path.join(configDir, OUTBOX_FILE);
  const key = serverKey(url);
  return {
    load: (userId: string): SavedSend[] => {
      const box = readOutboxes(file)[key];
      return box?.userId === userId ? box.sends : [];
    },
    save: (userId: string, pending: readonly PendingSend[]) => {
      const sends: SavedSend[] = pending
        .filter((p) => p.status === "sending")
        .map(({ clientId, target, text, action, replyTo }) => ({
          clientId,
          target,
          text,
          action,
          ...(replyTo === undefined ? {} : { replyTo }),
        }));
      const all = readOutboxes(file);
      if (sends.length === 0 && !(key in all)) return;
      const { [key]: _old, ...rest } = all;
      const next = sends.length === 0 ? rest : { ...rest, [key]: { userId, sends } };
      mkdirSync(configDir, { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
    },
  };
}

export type Outbox = ReturnType<typeof fileOutbox>;
