import { TestServer } from "@canaduck/server/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ChatClient } from "../src/chat-client";
import type { ChatState } from "../src/state";
import { waitForState } from "../src/wait-for-state";

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
    await waitForState(ann, (s) => s.status === "online");
    await waitForState(bob, (s) => s.status === "online");
    expect((await ann.register("ann", "long password 1")).ok).toBe(true);
    expect((await bob.register("bob", "long password 2")).ok).toBe(true);
    expect(await ann.submit("/join #dev")).toBeNull();
    expect(await bob.submit("/join #dev")).toBeNull();
    expect(await ann.submit("hello bob")).toBeNull();
    await waitForState(bob, (s) => texts(s, "#dev").includes("hello bob"));
    expect(await bob.submit("/me waves")).toBeNull();
    const annState = await waitForState(ann, (s) =>
      (s.channels[s.activeId ?? ""]?.messages ?? []).some((m) => m.kind === "action"),
    );
    expect(annState.pending).toEqual([]);
  });

  it("keeps a loaded member list from joins, role changes and parts, reading it only once", async () => {
    const ann = client();
    const bob = client();
    await waitForState(ann, (s) => s.status === "online");
    await waitForState(bob, (s) => s.status === "online");
    await ann.register("ann", "long password 1");
    await bob.register("bob", "long password 2");
    expect(await ann.submit("/join #dev")).toBeNull();
    const devId = ann.getState().activeId ?? "";
    await ann.loadMembers(devId);
    const requests = vi.spyOn(ann, "request");
    const members = (s: ChatState) => (s.channels[devId]?.members ?? []).map((m) => `${m.name}:${m.role}`).sort();

    expect(await bob.submit("/join #dev")).toBeNull();
    await waitForState(ann, (s) => members(s).includes("bob:member"));
    expect(await ann.submit("/op bob")).toBeNull();
    await waitForState(ann, (s) => members(s).includes("bob:operator"));
    expect(await bob.submit("/part #dev")).toBeNull();
    const after = await waitForState(ann, (s) => !members(s).some((m) => m.startsWith("bob:")));
    expect(members(after)).toEqual(["ann:owner"]);
    expect(requests.mock.calls.filter(([event]) => event === "channel:who")).toEqual([]);
  });

  it("lets a login typed before the connection is up wait for it", async () => {
    const ann = client();
    expect(ann.getState().status).toBe("connecting");
    expect((await ann.register("ann", "long password 1")).ok).toBe(true);
    expect(ann.getState().me?.name).toBe("ann");
  });

  it("gives a parse error in plain words without sending anything", async () => {
    const ann = client();
    await waitForState(ann, (s) => s.status === "online");
    await ann.register("ann", "long password 1");
    const error = await ann.submit("/join dev");
    expect(error?.message).toMatch(/#/);
  });

  it("catches up on what was said while disconnected, with nothing twice", async () => {
    const ann = client();
    const bob = client();
    await waitForState(ann, (s) => s.status === "online");
    await waitForState(bob, (s) => s.status === "online");
    await ann.register("ann", "long password 1");
    await bob.register("bob", "long password 2");
    await ann.submit("/join #dev");
    await bob.submit("/join #dev");
    await ann.submit("before");
    await waitForState(bob, (s) => texts(s, "#dev").includes("before"));

    // Bob's connection drops; Ann keeps talking; Bob reconnects by himself.
    (bob as unknown as { socket: { io: { engine: { close(): void } } } }).socket.io.engine.close();
    await waitForState(bob, (s) => s.status === "reconnecting");
    for (let i = 1; i <= 30; i++) await ann.sendMessage("#dev", `while away ${i}`);
    const state = await waitForState(bob, (s) => texts(s, "#dev").length === 31);
    expect(texts(state, "#dev")).toEqual(["before", ...Array.from({ length: 30 }, (_, i) => `while away ${i + 1}`)]);
  });

  it("keeps a send made during a server restart and delivers it once", async () => {
    const ann = client();
    const bob = client();
    await waitForState(ann, (s) => s.status === "online");
    await waitForState(bob, (s) => s.status === "online");
    await ann.register("ann", "long password 1");
    await bob.register("bob", "long password 2");
    await ann.submit("/join #dev");
    await bob.submit("/join #dev");

    await server.stop();
    await waitForState(ann, (s) => s.status === "reconnecting");
    void ann.sendMessage("#dev", "sent while the server was down");
    expect(ann.getState().pending.map((p) => p.status)).toEqual(["sending"]);
    await server.start();

    const state = await waitForState(bob, (s) => texts(s, "#dev").includes("sent while the server was down"), 15_000);
    expect(texts(state, "#dev")).toEqual(["sent while the server was down"]);
    const annState = await waitForState(ann, (s) => s.pending.length === 0, 15_000);
    expect(texts(annState, "#dev")).toEqual(["sent while the server was down"]);
  });
});
