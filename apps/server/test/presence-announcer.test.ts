import type { PresenceSubject } from "@canaduck/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  PRESENCE_BUSY_CHANGES,
  PRESENCE_BUSY_WINDOW_MS,
  PRESENCE_WINDOW_MS,
  PresenceAnnouncer,
} from "../src/realtime/presence-announcer";
import type { ChatServer } from "../src/realtime/types";

/** Socket.IO's `io`, as far as the announcer uses it: what it emits, to which rooms. */
function recordingIo() {
  const sent: Array<{ rooms: string[]; names: string[] }> = [];
  const io = {
    to: (rooms: string | string[]) => ({
      emit: (_event: string, payload: { changes: Array<{ user: { name: string } }> }) =>
        sent.push({ rooms: [rooms].flat(), names: payload.changes.map((c) => c.user.name) }),
    }),
  };
  return { io: io as unknown as ChatServer, sent };
}

const subject = (name: string, channels = ["dev"]): PresenceSubject => ({
  user: { id: `id-${name}`, name } as PresenceSubject["user"],
  channels,
});

describe("PresenceAnnouncer's windows", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("holds the changes after a crowd's window for the longer busy window, then is quick again", () => {
    const { io, sent } = recordingIo();
    const announcer = new PresenceAnnouncer(io);
    announcer.announce(subject("first"), true);
    for (let i = 0; i < PRESENCE_BUSY_CHANGES; i++) announcer.announce(subject(`u${i}`), true);
    vi.advanceTimersByTime(PRESENCE_WINDOW_MS);
    expect(sent.map((s) => s.names.length)).toEqual([1, PRESENCE_BUSY_CHANGES]);

    // After a busy window: a change waits for the long one.
    announcer.announce(subject("late"), false);
    vi.advanceTimersByTime(PRESENCE_WINDOW_MS);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(PRESENCE_BUSY_WINDOW_MS - PRESENCE_WINDOW_MS);
    expect(sent.at(-1)?.names).toEqual(["late"]);

    // That window was quiet (one change): the next is the short one again, and then none at all.
    announcer.announce(subject("later"), true);
    vi.advanceTimersByTime(PRESENCE_WINDOW_MS);
    expect(sent.at(-1)?.names).toEqual(["later"]);
    vi.advanceTimersByTime(PRESENCE_WINDOW_MS);
    announcer.announce(subject("alone"), true);
    expect(sent.at(-1)?.names).toEqual(["alone"]);
    announcer.close();
  });

  it("sends a gathered change to each of the user's channels and no other", () => {
    const { io, sent } = recordingIo();
    const announcer = new PresenceAnnouncer(io);
    announcer.announce(subject("opener", ["dev"]), true);
    announcer.announce(subject("bob", ["dev", "ops"]), true);
    announcer.announce(subject("carol", ["secret"]), true);
    vi.advanceTimersByTime(PRESENCE_WINDOW_MS);
    expect(sent.slice(1)).toEqual([
      { rooms: ["c:dev"], names: ["bob"] },
      { rooms: ["c:ops"], names: ["bob"] },
      { rooms: ["c:secret"], names: ["carol"] },
    ]);
    announcer.close();
  });
});
