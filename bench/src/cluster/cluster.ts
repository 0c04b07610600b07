import type { Server } from "node:net";
import { startBalancer } from "@canaduck/server";
import { freshPostgresDatabase } from "@canaduck/db/testing";
import { ServerProcess, freePort } from "../server-process";
import { RedisProcess } from "./redis-process";

/**
 * Two CanaDuck nodes as separate processes on one fresh PostgreSQL database and a Redis of their
 * own, behind a round-robin TCP balancer: what `npm run cluster` runs, sized for a test.
 */
export class Cluster {
  readonly nodes: ServerProcess[] = [];
  readonly redis: RedisProcess;
  private balancer: Server | undefined;
  private readonly database = freshPostgresDatabase();
  private balancerPort = 0;
  /** The nodes' shared PostgreSQL database. */
  databaseUrl = "";

  private constructor(redisPort: number) {
    this.redis = new RedisProcess(redisPort);
  }

  /** `env`: more settings for every node (e.g. METRICS_TOKEN). */
  static async start(nodeCount = 2, env: Record<string, string> = {}): Promise<Cluster> {
    const cluster = new Cluster(await freePort());
    await cluster.redis.start();
    const databaseUrl = await cluster.database.url();
    cluster.databaseUrl = databaseUrl;
    for (let i = 0; i < nodeCount; i++) {
      const node = new ServerProcess({
        DATABASE_URL: databaseUrl,
        REDIS_URL: cluster.redis.url,
        REDIS_PREFIX: `cluster${cluster.redis.port}`,
        ...env,
      });
      await node.start();
      cluster.nodes.push(node);
    }
    cluster.balancerPort = await freePort();
    cluster.balancer = await startBalancer(
      cluster.balancerPort,
      "127.0.0.1",
      cluster.nodes.map((n) => ({ host: "127.0.0.1", port: Number(new URL(n.url).port) })),
    );
    return cluster;
  }

  /** The one address clients use. */
  get url(): string {
    return `http://127.0.0.1:${this.balancerPort}`;
  }

  node(i: number): ServerProcess {
    const node = this.nodes[i];
    if (!node) throw new Error(`no node ${i}`);
    return node;
  }

  async dispose(): Promise<void> {
    this.balancer?.close();
    for (const node of this.nodes) await node.dispose();
    await this.redis.stop();
    await this.database.drop();
  }
}
