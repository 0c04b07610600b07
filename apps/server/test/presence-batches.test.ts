import { afterEach, describe, expect, it, vi } from "vitest";
import { PRESENCE_WINDOW_MS } from "../src/realtime/presence-announcer";
import { record, TestServer, type ChatClient } from "./harness";

const CROWD = 20;

describe("presence:changes: a lone change at once, a crowd in a few lists", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  async function crowdIn(channel: string, names: string[]): Promise<ChatClient[]> {
    const s = server;
    if (!s) throw new Error("no server");
    const users = await Promise.all(names.map((name) => s.user(name)));
    for (const u of users) await u.do("channel:join", { channel });
    return users;
  }

  it("tells a member at once, in a list of one, that another came online or went offline", async () => {
    server = await new TestServer().start();
    const [alice, bob] = await crowdIn("#dev", ["alice", "bob"]);
    if (!alice || !bob) throw new Error("no users");
    // Outside any window: the joins above announced nothing (nobody came online meanwhile).
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_WINDOW_MS + 100));
    const heard = record(alice.socket, "presence:changes");
    bob.socket.disconnect();
    await vi.waitFor(() =>
      expect(heard.map((b) => b.changes.map((c) => [c.user.name, c.online]))).toEqual([[["bob", false]]]),
    );
  });

  it("announces a crowd reconnecting at once in a few lists, each user once with their last state", async () => {
    server = await new TestServer().start();
    const names = Array.from({ length: CROWD }, (_, i) => `u${i}`);
    const [alice, ...crowd] = await crowdIn("#dev", ["alice", ...names]);
    if (!alice) throw new Error("no alice");
    for (const u of crowd) u.socket.disconnect();
    const offline = record(alice.socket, "presence:changes");
    await vi.waitFor(() => expect(new Set(offline.flatMap((b) => b.changes.map((c) => c.user.name))).size).toBe(CROWD));
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_WINDOW_MS + 100));

    const heard = record(alice.socket, "presence:changes");
    const s = server;
    const back = await Promise.all(crowd.map((u) => s.connect({ token: u.token })));
    // One of them drops again at once: what alice is told last about them must be "offline".
    back[0]?.disconnect();
    const lastState = () => {
      const state = new Map<string, boolean>();
      for (const change of heard.flatMap((b) => b.changes)) state.set(change.user.name, change.online);
      return state;
    };
    await vi.waitFor(() => {
      const state = lastState();
      expect(state.get("u0")).toBe(false);
      expect(names.slice(1).every((n) => state.get(n) === true)).toBe(true);
    });
    // One event per member coming back would be 20: the lists gather them.
    expect(heard.length).toBeLessThanOrEqual(4);
    for (const batch of heard) {
      const listed = batch.changes.map((c) => c.user.name);
      expect(new Set(listed).size).toBe(listed.length);
    }
    for (const socket of back) socket.disconnect();
  });

  it("tells each change only to the channels the user is in", async () => {
    server = await new TestServer().start();
    const [alice, bob] = await crowdIn("#dev", ["alice", "bob"]);
    const [dave, carol] = await crowdIn("#secret", ["dave", "carol"]);
    if (!alice || !bob || !dave || !carol) throw new Error("no users");
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_WINDOW_MS + 100));
    const aliceHeard = record(alice.socket, "presence:changes");
    const daveHeard = record(dave.socket, "presence:changes");
    // Both inside one window: the second is gathered, and must reach #secret only.
    bob.socket.disconnect();
    carol.socket.disconnect();
    const names = (heard: typeof aliceHeard) => heard.flatMap((b) => b.changes.map((c) => c.user.name));
    await vi.waitFor(() => expect(names(daveHeard)).toEqual(["carol"]));
    await vi.waitFor(() => expect(names(aliceHeard)).toEqual(["bob"]));
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_WINDOW_MS + 100));
    expect(names(aliceHeard)).toEqual(["bob"]);
    expect(names(daveHeard)).toEqual(["carol"]);
  });
});
