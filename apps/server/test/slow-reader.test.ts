import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { TestServer, type ClientSocket } from "./harness";

const LIMIT = 512 * 1024;

/** Stops reading from the socket, as a client on a stalled network would; the server keeps writing. */
function stopReading(socket: ClientSocket): void {
  const transport = socket.io.engine.transport as unknown as { ws?: { _socket?: { pause(): void } } };
  const tcp = transport.ws?._socket;
  if (!tcp) throw new Error("no TCP socket under the WebSocket transport");
  tcp.pause();
}

/** Waits until `check` holds, polling; rejects after `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("a reader that stops reading", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("is dropped at the limit: never more than MAX_QUEUED_BYTES_PER_CONNECTION queued for it, and others chat on", async () => {
    const lines: Array<{ msg?: string; queued?: number }> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean))
          lines.push(JSON.parse(line) as { msg?: string; queued?: number });
        done();
      },
    });
    server = await new TestServer(
      { MAX_QUEUED_BYTES_PER_CONNECTION: String(LIMIT), RATE_LIMITS: "off" },
      {},
      createLogger("warn", sink),
    ).start();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#big" });
    for (let i = 0; i < 50; i++) await alice.do("message:send", { target: "#big", text: `${i} `.padEnd(4_000, "x") });
    const sloth = await server.user("sloth");
    await sloth.do("channel:join", { channel: "#big" });

    // About 200 KB a page, 30 pages asked at once: 6 MB the server would have queued.
    stopReading(sloth.socket);
    for (let i = 0; i < 30; i++) sloth.socket.emit("history:read", { target: "#big", limit: 50 }, () => undefined);

    await until(() => lines.some((l) => l.msg === "dropping a connection that stopped reading"), "the drop");
    const drops = lines.filter((l) => l.msg === "dropping a connection that stopped reading");
    for (const drop of drops) expect(drop.queued ?? Infinity).toBeLessThanOrEqual(LIMIT);
    await until(async () => {
      const who = await alice.do("channel:who", { channel: "#big" });
      return who.members.some((m) => m.name === "sloth" && !m.online);
    }, "sloth to be offline");
    const sent = await alice.do("message:send", { target: "#big", text: "still chatting" });
    expect(sent.message.text).toBe("still chatting");
  });

  it("a page larger than the limit still reaches a client that reads", async () => {
    server = await new TestServer({ MAX_QUEUED_BYTES_PER_CONNECTION: String(64 * 1024), RATE_LIMITS: "off" }).start();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#big" });
    for (let i = 0; i < 50; i++) await alice.do("message:send", { target: "#big", text: `${i} `.padEnd(4_000, "x") });
    const page = await alice.do("history:read", { target: "#big", limit: 50 });
    expect(page.messages.filter((m) => m.kind === "text")).toHaveLength(50);
  });
});
