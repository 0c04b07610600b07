// `npm run cluster`: several CanaDuck nodes on one machine behind one address. Each node is a
// separate process sharing PostgreSQL (DATABASE_URL) and Redis (REDIS_URL); a round-robin TCP
// balancer listens on PORT. Clients use the WebSocket transport only, so no sticky sessions.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadClusterConfig } from "./config";
import { startBalancer } from "./tcp-balancer";

const env = loadClusterConfig();

/** Creates the database when it does not exist yet; the nodes apply the migrations. */
async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await ensureDatabase(env.DATABASE_URL);
  const mainTs = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "main.ts");
  const nodes: ChildProcess[] = [];
  const backends = Array.from({ length: env.NODES }, (_, i) => ({ host: "127.0.0.1", port: env.PORT + 1 + i }));
  for (const backend of backends) {
    nodes.push(
      spawn(process.execPath, ["--import", "tsx", mainTs], {
        env: {
          ...env.inherited,
          PORT: String(backend.port),
          HOST: "127.0.0.1",
          DATABASE_URL: env.DATABASE_URL,
          REDIS_URL: env.REDIS_URL,
        },
        stdio: "inherit",
      }),
    );
  }
  await startBalancer(env.PORT, env.HOST, backends);
  console.log(
    JSON.stringify({
      msg: `CanaDuck cluster: ${env.NODES} nodes behind http://${env.HOST}:${env.PORT}`,
      nodes: backends.map((b) => b.port),
    }),
  );
  const stop = () => {
    for (const node of nodes) node.kill("SIGTERM");
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
