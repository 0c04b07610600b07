import type { ServerEventPayload } from "@canaduck/contract";
import type { PresenceSubject } from "@canaduck/domain";
import { channelRoom } from "./rooms";
import type { ChatServer } from "./types";

type PresenceChange = ServerEventPayload<"presence:changes">["changes"][number];

/** How long changes after a sent one are gathered before they go out together. */
export const PRESENCE_WINDOW_MS = 500;
/** The window after a flush of at least PRESENCE_BUSY_CHANGES: a crowd coming back is told in fewer, longer lists. */
export const PRESENCE_BUSY_WINDOW_MS = 5_000;
export const PRESENCE_BUSY_CHANGES = 50;

interface Pending {
  channels: readonly string[];
  change: PresenceChange;
}

/**
 * Tells channels who came online or went offline. A change with nothing sent in the last window
 * goes out at once, to every channel of the user in one emit (a connection in several of them
 * hears it once); the changes that follow within the window are gathered and sent when it ends,
 * one `presence:changes` per channel listing everyone who changed there, each user once with
 * their last state. Without this, a restart's reconnect storm of N users in channels of M sent
 * N × M events, one per member per user coming back: the largest cost of the reconnect. While
 * many change at once the window is longer, since each window costs every member an event per
 * channel: a member's dots lag by up to five seconds then, which nobody watches during a restart
 * (10,000 clients reconnecting: 16.1 server CPU-seconds with 2 s windows, 12.5 with 5 s; bench:cost).
 */
export class PresenceAnnouncer {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly io: ChatServer,
    private readonly windowMs = PRESENCE_WINDOW_MS,
    private readonly busyWindowMs = PRESENCE_BUSY_WINDOW_MS,
  ) {}

  announce({ user, channels }: PresenceSubject, online: boolean): void {
    if (!user || channels.length === 0) return;
    const change = { user: { id: user.id, name: user.name }, online };
    if (this.timer === undefined) {
      this.io.to(channels.map(channelRoom)).emit("presence:changes", { changes: [change] });
      this.startWindow(this.windowMs);
      return;
    }
    // Deleted first, so a user who changes again moves to the end: the list stays in change order.
    this.pending.delete(user.id);
    this.pending.set(user.id, { channels, change });
  }

  /** Drops what is gathered (the node is shutting down: its connections are told to reconnect). */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private startWindow(ms: number): void {
    this.timer = setTimeout(() => this.flush(), ms);
    // A window still open must not keep a stopping process alive.
    this.timer.unref();
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const busy = this.pending.size >= PRESENCE_BUSY_CHANGES;
    const byChannel = new Map<string, PresenceChange[]>();
    for (const { channels, change } of this.pending.values())
      for (const channel of channels) {
        const list = byChannel.get(channel);
        if (list) list.push(change);
        else byChannel.set(channel, [change]);
      }
    this.pending.clear();
    for (const [channel, changes] of byChannel) this.io.to(channelRoom(channel)).emit("presence:changes", { changes });
    this.startWindow(busy ? this.busyWindowMs : this.windowMs);
  }
}
