import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { freshPostgresDatabase, type TestDatabase } from "@canaduck/db/testing";
import { TcpProxy } from "./tcp-proxy";

const status = async (url: string): Promise<number> => (await fetch(url)).status;

describe("PostgreSQL going away and coming back", () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let server: TestServer;
  beforeAll(async () => {
    database = freshPostgresDatabase();
    const direct = new URL(await database.url());
    proxy = await new TcpProxy(direct.hostname, Number(direct.port || 5432)).start();
    const throughProxy = new URL(direct);
    throughProxy.port = String(proxy.port);
    server = await new TestServer({ DATABASE_URL: throughProxy.toString(), RATE_LIMITS: "off" }).start();
  });
  afterAll(async () => {
    await server.dispose();
    await proxy.cut();
    await database.drop();
  });

  it("answers UNAVAILABLE while the database is unreachable, stays live but not ready, and carries on without a gap once it is back", async () => {
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#ops" });
    await alice.do("message:send", { target: "#ops", text: "before" });
    expect(await status(`${server.url}/readyz`)).toBe(200);

    await proxy.cut();
    const refused = await alice.send("message:send", { target: "#ops", text: "during", clientId: "during-1" });
    expect(refused.ok || refused.error.code).toBe("UNAVAILABLE");
    // Not ready (take it out of the balancer), but alive: an orchestrator must not restart it.
    expect(await status(`${server.url}/readyz`)).toBe(503);
    expect(await status(`${server.url}/healthz`)).toBe(200);

    await proxy.start();
    await expect.poll(() => status(`${server.url}/readyz`), { timeout: 10_000 }).toBe(200);
    // The client's outbox retries the refused send with its clientId; it is stored once, in order.
    await alice.do("message:send", { target: "#ops", text: "during", clientId: "during-1" });
    await alice.do("message:send", { target: "#ops", text: "after" });
    const { messages } = await alice.do("history:read", { target: "#ops" });
    expect(messages.filter((m) => m.kind === "text").map((m) => m.text)).toEqual(["before", "during", "after"]);
    expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
  });
});
