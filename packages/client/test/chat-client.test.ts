import { TestServer } from "@canaduck/server/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatClient } from "../src/chat-client";
import type { ChatState } from "../src/state";

/** Resolves once the client's state satisfies `ready`. */
function until(client: ChatClient, ready: (s: ChatState) => boolean, timeoutMs = 8_000): Promise<ChatState> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const state = client.getState();
      if (!ready(state)) return false;
      clearTimeout(timer);
      stop();
      resolve(state);
      return true;
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`state not reached in ${timeoutMs} ms: ${JSON.stringify(client.getState().status)}`));
    }, timeoutMs);
    const stop = client.subscribe(() => void check());
    check();
  });
}

const texts = (state: ChatState, channel: string) =>
  Object.values(state.channels)
    .find((c) => c.target === channel)
    ?.messages.filter((m) => m.kind === "text")
    .map((m) => m.text) ?? [];

describe("ChatClient against a real server", () => {
  let server: TestServer;
  const clients: ChatClient[] = [];
  const client = () => {
    const c = new ChatClient({ url: server.url, socket: { reconnectionDelay: 50, reconnectionDelayMax: 200 } });
    clients.push(c);
    return c;
  };
  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.dispose();
  });

  it("registers, joins with /join and chats live with another client", async () => {
    const ann = client();
    const bob = client();
    await until(ann, (s) => s.status === "online");
    await until(bob, (s) => s.status === "online");
    expect((await ann.register("ann", "long password 1")).ok).toBe(true);
    expect((await bob.register("bob", "long password 2")).ok).toBe(true);
    expect(await ann.submit("/join #dev")).toBeNull();
    expect(await bob.submit("/join #dev")).toBeNull();
    expect(await ann.submit("hello bob")).toBeNull();
    await until(bob, (s) => texts(s, "#dev").includes("hello bob"));
    expect(await bob.submit("/me waves")).toBeNull();
    const annState = await until(ann, (s) => (s.channels[s.activeId ?? ""]?.messages ?? []).some((m) => m.kind === "action"));
    expect(annState.pending).toEqual([]);
  });

  it("gives a parse error in plain words without sending anything", async () => {
    const ann = client();
    await until(ann, (s) => s.status === "online");
    await ann.register("ann", "long password 1");
    const error = await ann.submit("/join dev");
    expect(error?.message).toMatch(/#/);
  });

  it("catches up on what was said while disconnected, with nothing twice", async () => {
    const ann = client();
    const bob = client();
    await until(ann, (s) => s.status === "online");
    await until(bob, (s) => s.status === "online");
    await ann.register("ann", "long password 1");
    await bob.register("bob", "long password 2");
    await ann.submit("/join #dev");
    await bob.submit("/join #dev");
    await ann.submit("before");
    await until(bob, (s) => texts(s, "#dev").includes("before"));

    // Bob's connection drops; Ann keeps talking; Bob reconnects by himself.
    (bob as unknown as { socket: { io: { engine: { close(): void } } } }).socket.io.engine.close();
    await until(bob, (s) => s.status === "reconnecting");
    for (let i = 1; i <= 30; i++) await ann.sendMessage("#dev", `while away ${i}`);
    const state = await until(bob, (s) => texts(s, "#dev").length === 31);
    expect(texts(state, "#dev")).toEqual(["before", ...Array.from({ length: 30 }, (_, i) => `while away ${i + 1}`)]);
  });

  it("keeps a send made during a server restart and delivers it once", async () => {
    const ann = client();
    const bob = client();
    await until(ann, (s) => s.status === "online");
    await until(bob, (s) => s.status === "online");
    await ann.register("ann", "long password 1");
    await bob.register("bob", "long password 2");
    await ann.submit("/join #dev");
    await bob.submit("/join #dev");

    await server.stop();
    await until(ann, (s) => s.status === "reconnecting");
    void ann.sendMessage("#dev", "sent while the server was down");
    expect(ann.getState().pending.map((p) => p.status)).toEqual(["sending"]);
    await server.start();

    const state = await until(bob, (s) => texts(s, "#dev").includes("sent while the server was down"), 15_000);
    expect(texts(state, "#dev")).toEqual(["sent while the server was down"]);
    const annState = await until(ann, (s) => s.pending.length === 0, 15_000);
    expect(texts(annState, "#dev")).toEqual(["sent while the server was down"]);
  });
});
