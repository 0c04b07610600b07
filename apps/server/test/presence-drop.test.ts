import type { Socket as TcpSocket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PresenceRegistry } from "../src/scale/presence-registry";
import { record, TestServer } from "./harness";

const PING_INTERVAL_MS = 300;
const PING_TIMEOUT_MS = 300;

/** The TCP socket under a connected Socket.IO client's WebSocket (socket.io-client → engine.io → ws). */
function tcpOf(socket: unknown): TcpSocket {
  const engine = (socket as { io: { engine: { transport: { ws?: { _socket?: TcpSocket } } } } }).io.engine;
  const tcp = engine.transport.ws?._socket;
  if (!tcp) throw new Error("no TCP socket under the WebSocket");
  return tcp;
}

describe("presence when a connection drops without closing", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("a client that stops answering pings is offline for the others within the ping timeout", async () => {
    server = await new TestServer({
      PING_INTERVAL_MS: String(PING_INTERVAL_MS),
      PING_TIMEOUT_MS: String(PING_TIMEOUT_MS),
    }).start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    const before = await alice.do("channel:who", { channel: "#dev" });
    expect(before.members.find((m) => m.name === "bob")?.online).toBe(true);

    // As a phone that lost its network: nothing is read or sent any more, and no FIN or RST is sent.
    const wentOffline = alice.next("presence:changes", (p) =>
      p.changes.some((c) => c.user.name === "bob" && !c.online),
    );
    const started = performance.now();
    const tcp = tcpOf(bob.socket);
    tcp.pause();
    tcp.write = () => true;
    await wentOffline;
    expect(performance.now() - started).toBeLessThan(PING_INTERVAL_MS + PING_TIMEOUT_MS + 1_500);
    const after = await alice.do("channel:who", { channel: "#dev" });
    expect(after.members.find((m) => m.name === "bob")?.online).toBe(false);
    tcp.destroy();
  });

  it("a connection that drops while its presence is being recorded leaves the user offline, not stuck online", async () => {
    // Presence answering slowly, as Redis does under load: the drop lands while the bind waits for it.
    let slow = false;
    const seams = {
      presence: (inner: PresenceRegistry): PresenceRegistry => ({
        connected: async (userId) => {
          const first = await inner.connected(userId);
          if (slow) await new Promise((resolve) => setTimeout(resolve, 300));
          return first;
        },
        disconnected: (userId) => inner.disconnected(userId),
        onlineAmong: (userIds) => inner.onlineAmong(userIds),
        close: () => inner.close(),
      }),
    };
    server = await new TestServer({}, seams).start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    bob.socket.disconnect();
    const batches = record(alice.socket, "presence:changes");
    const heard = () => batches.flatMap((b) => b.changes);
    await vi.waitFor(() => expect(heard().map((p) => p.online)).toEqual([false]));

    slow = true;
    const phone = await server.connect({ token: bob.token });
    // Gone before the server finished marking it online: no FIN, no close frame.
    tcpOf(phone).resetAndDestroy();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const who = await alice.do("channel:who", { channel: "#dev" });
    expect(who.members.find((m) => m.name === "bob")?.online).toBe(false);
    // What alice was told last is what is true: bob is offline.
    expect(
      heard()
        .filter((p) => p.user.name === "bob")
        .at(-1)?.online ?? false,
    ).toBe(false);
  });
});
