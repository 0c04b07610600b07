import type { PresenceRegistry } from "../scale/presence-registry";

/**
 * Counts each user's open connections in this process; a user is online while the count is
 * above zero. For a single node; several nodes share presence through Redis (RedisPresence).
 */
export class PresenceTracker implements PresenceRegistry {
  private readonly connections = new Map<string, number>();

  /** Resolves true when this was the user's first connection. */
  connected(userId: string): Promise<boolean> {
    const count = (this.connections.get(userId) ?? 0) + 1;
    this.connections.set(userId, count);
    return Promise.resolve(count === 1);
  }

  /** Resolves true when this was the user's last connection. */
  disconnected(userId: string): Promise<boolean> {
    const count = (this.connections.get(userId) ?? 0) - 1;
    if (count > 0) {
      this.connections.set(userId, count);
      return Promise.resolve(false);
    }
    this.connections.delete(userId);
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(userIds.filter((id) => this.connections.has(id))));
  }
}
