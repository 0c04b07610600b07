import type { Presence } from "@canaduck/domain";

/** Counts each user's open connections on this node; a user is online while the count is above zero. */
export class PresenceTracker implements Presence {
  private readonly connections = new Map<string, number>();

  /** Returns true when this was the user's first connection. */
  connected(userId: string): boolean {
    const count = (this.connections.get(userId) ?? 0) + 1;
    this.connections.set(userId, count);
    return count === 1;
  }

  /** Returns true when this was the user's last connection. */
  disconnected(userId: string): boolean {
    const count = (this.connections.get(userId) ?? 0) - 1;
    if (count > 0) {
      this.connections.set(userId, count);
      return false;
    }
    this.connections.delete(userId);
    return true;
  }

  onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(userIds.filter((id) => this.connections.has(id))));
  }
}
