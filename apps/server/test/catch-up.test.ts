import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, twoInDev, type TestServer, type ChatClient } from "./harness";

/** What a client that was away, or a second device, learns from the server. */
describe("catching up and read markers over Socket.IO", () => {
  let server: TestServer;
  let alice: ChatClient;
  let bob: ChatClient;
  beforeEach(async () => {
    ({ server, alice, bob } = await twoInDev());
  });
  afterEach(() => server.dispose());

  const say = async (who: ChatClient, text: string) => (await who.do("message:send", { target: "#dev", text })).message;

  it("a client offline during an edit and a deletion sees both after one session:sync", async () => {
    const kept = await say(alice, "draft one");
    const doomed = await say(alice, "never mind this");
    const { channels } = await bob.do("session:state", {});
    const dev = channels[0];
    if (!dev) throw new Error("bob is in #dev");
    const held = dev.lastSeq;
    bob.socket.disconnect();

    await alice.do("message:edit", { target: "#dev", seq: kept.seq, text: "final version" });
    await alice.do("message:delete", { target: "#dev", seq: doomed.seq });

    const back = await server.connect({ token: bob.token });
    const synced = await call(back, "session:sync", { conversations: [{ channelId: dev.id, after: held }] });
    if (!synced.ok) throw new Error(synced.error.code);
    expect(synced.data.changes).toMatchObject([
      {
        channelId: dev.id,
        reset: false,
        messages: [
          { kind: "edit", text: "final version", meta: { targetSeq: kept.seq } },
          { kind: "delete", meta: { targetSeq: doomed.seq } },
        ],
      },
    ]);
    // A fresh client reading the newest page sees the same end state.
    const fresh = await call(back, "history:read", { target: "#dev" });
    if (!fresh.ok) throw new Error(fresh.error.code);
    expect(fresh.data.messages.find((m) => m.seq === kept.seq)).toMatchObject({ text: "final version" });
    expect(fresh.data.messages.find((m) => m.seq === doomed.seq)).toMatchObject({ deleted: true, text: "" });
  });

  it("reads the page around a line, to jump to a reply's original", async () => {
    for (let i = 1; i <= 30; i++) await say(alice, `line ${i}`);
    const page = await bob.do("history:read", { target: "#dev", around: 10, limit: 5 });
    expect(page.messages.map((m) => m.seq)).toEqual([8, 9, 10, 11, 12]);
    expect(page).toMatchObject({ hasMore: true, hasNewer: true });
  });

  it("moves the read marker on one device and tells the other; the counts survive reconnecting", async () => {
    const second = await server.connect({ token: bob.token });
    await say(alice, "hey bob");
    const last = await say(alice, "and another");
    const { channels } = await bob.do("session:state", {});
    expect(channels[0]).toMatchObject({ unread: 2, mentions: 1 });
    const told = new Promise((resolve) => second.once("read:marked", resolve));
    expect(await bob.do("read:mark", { target: "#dev", seq: last.seq - 1 })).toEqual({ readSeq: last.seq - 1 });
    expect(await told).toEqual({
      channelId: channels[0]?.id,
      readSeq: last.seq - 1,
      unread: 1,
      mentions: 0,
      lastSeq: last.seq,
    });
    await server.restart();
    const again = await server.connect({ token: bob.token });
    const state = await call(again, "session:state", {});
    expect(state.ok && state.data.channels[0]).toMatchObject({ readSeq: last.seq - 1, unread: 1, mentions: 0 });
  });

  it("leaves a quit line with the message, and a nick line, for the others to see", async () => {
    const quitSeen = alice.next("message:new", (m) => m.kind === "quit");
    await bob.do("session:quit", { message: "see you tomorrow" });
    expect(await quitSeen).toMatchObject({ author: { name: "bob" }, meta: { reason: "see you tomorrow" } });
    // bob's connection closed with his quit; he comes back and sees alice's new name as a line.
    const back = await server.connect({ token: bob.token });
    const nickSeen = new Promise((resolve) => back.on("message:new", (m) => m.kind === "nick" && resolve(m)));
    await alice.do("user:nick", { nick: "alicia" });
    expect(await nickSeen).toMatchObject({ author: { name: "alicia" }, meta: { previousName: "alice" } });
  });
});
