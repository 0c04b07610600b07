import { randomUUID } from "node:crypto";
import type { RedisClient } from "./redis-connection";
import type { PresenceRegistry } from "./presence-registry";

/** How often a node renews its liveness, and how long it survives without renewing. */
const HEARTBEAT_MS = 5_000;
const NODE_TTL_SECONDS = 15;

/**
 * Presence shared by every node through Redis. Each node counts its own connections per user
 * in a hash of its own and keeps a liveness key; a node that dies stops renewing it, and its
 * users stop counting as online within NODE_TTL_SECONDS — no stale "online" after a crash.
 */
export class RedisPresence implements PresenceRegistry {
  private readonly nodeId = randomUUID();
  private readonly local = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {
    this.timer = setInterval(() => void this.heartbeat().catch(() => undefined), HEARTBEAT_MS);
    this.timer.unref();
  }

  private get nodesKey() {
    return `${this.prefix}:presence:nodes`;
  }
  private countsKey(node: string) {
    return `${this.prefix}:presence:counts:${node}`;
  }
  private aliveKey(node: string) {
    return `${this.prefix}:presence:alive:${node}`;
  }

  async start(): Promise<void> {
    await this.heartbeat();
  }

  private async heartbeat(): Promise<void> {
    await this.redis
      .multi()
      .sAdd(this.nodesKey, this.nodeId)
      .set(this.aliveKey(this.nodeId), "1", { EX: NODE_TTL_SECONDS })
      .exec();
  }

  /** The nodes whose liveness key is still there; dead ones are forgotten on the way. */
  private async liveNodes(): Promise<string[]> {
    const nodes = await this.redis.sMembers(this.nodesKey);
    if (nodes.length === 0) return [];
    const alive = await this.redis.mGet(nodes.map((n) => this.aliveKey(n)));
    const dead = nodes.filter((_, i) => alive[i] === null);
    if (dead.length > 0) {
      await this.redis
        .multi()
        .sRem(this.nodesKey, dead)
        .del(dead.map((n) => this.countsKey(n)))
        .exec();
    }
    return nodes.filter((_, i) => alive[i] !== null);
  }

  async onlineAmong(userIds: readonly string[]): Promise<Set<string>> {
    const online = new Set(userIds.filter((id) => this.local.has(id)));
    return this.addOnlineElsewhere(
      online,
      userIds.filter((id) => !online.has(id)),
    );
  }

  /** `online` with those of `remaining` connected to another live node. */
  private async addOnlineElsewhere(online: Set<string>, remaining: readonly string[]): Promise<Set<string>> {
    if (remaining.length === 0) return online;
    for (const node of await this.liveNodes()) {
      if (node === this.nodeId) continue;
      const counts = await this.redis.hmGet(this.countsKey(node), [...remaining]);
      remaining.forEach((id, i) => {
        if (Number(counts[i] ?? 0) > 0) online.add(id);
      });
    }
    return online;
  }

  async connected(userId: string): Promise<boolean> {
    const count = (this.local.get(userId) ?? 0) + 1;
    this.local.set(userId, count);
    await this.redis.hIncrBy(this.countsKey(this.nodeId), userId, 1);
    if (count > 1) return false;
    // Other nodes only, and without taking the local count away meanwhile: a disconnect counted
    // while this waited (it did, as `local.delete` here) left the user online with no connection.
    const elsewhere = (await this.addOnlineElsewhere(new Set(), [userId])).has(userId);
    return !elsewhere;
  }

  async disconnected(userId: string): Promise<boolean> {
    const count = (this.local.get(userId) ?? 0) - 1;
    if (count > 0) this.local.set(userId, count);
    else this.local.delete(userId);
    await this.redis.hIncrBy(this.countsKey(this.nodeId), userId, -1);
    if (count > 0) return false;
    await this.redis.hDel(this.countsKey(this.nodeId), userId);
    return !(await this.onlineAmong([userId])).has(userId);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.redis
      .multi()
      .sRem(this.nodesKey, this.nodeId)
      .del([this.countsKey(this.nodeId), this.aliveKey(this.nodeId)])
      .exec();
  }
}
