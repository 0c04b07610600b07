import type { Presence } from "@canaduck/domain";

/**
 * Who is connected: the domain asks it who is online; the transport tells it of connections
 * opening and closing. `connected`/`disconnected` resolve true when the user's online state
 * changed, i.e. this was their first connection anywhere, or their last.
 */
export interface PresenceRegistry extends Presence {
  connected(userId: string): Promise<boolean>;
  disconnected(userId: string): Promise<boolean>;
  close(): Promise<void>;
}
