import { limits } from "@canaduck/contract";
import { TestServer } from "@canaduck/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatClient } from "../src/chat-client";
import type { ChannelState, ChatState } from "../src/state";
import { waitForState } from "../src/wait-for-state";

const PASSWORD = "correct horse battery";
const dev = (s: ChatState, name: string): ChannelState | undefined =>
  Object.values(s.channels).find((c) => c.target === name);
const said = (s: ChatState, name: string) =>
  (dev(s, name)?.messages ?? []).filter((m) => (m.kind === "text" || m.kind === "action") && !m.deleted);

describe("commands about a line, read markers and jumps, against a real server", () => {
  let server: TestServer;
  let n = 0;
  const clients: ChatClient[] = [];
  beforeAll(async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
  });
  afterAll(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.dispose();
  });

  /** Ann and Bob in a channel of their own, both with the channel open. */
  async function pair() {
    n += 1;
    const channel = `#lines${n}`;
    const make = async (name: string) => {
      const c = new ChatClient({ url: server.url });
      clients.push(c);
      expect((await c.register(name, PASSWORD)).ok).toBe(true);
      expect(await c.submit(`/join ${channel}`)).toBeNull();
      return c;
    };
    return { ann: await make(`ann${n}`), bob: await make(`bob${n}`), channel };
  }

  it("edits the user's last line with /edit, seen edited by the other", async () => {
    const { ann, bob, channel } = await pair();
    await ann.submit("frist");
    await bob.submit("hi ann");
    expect(await ann.submit("/edit first")).toBeNull();
    const seen = await waitForState(bob, (s) => said(s, channel)[0]?.text === "first");
    expect(said(seen, channel)[0]?.editedAt).toBeDefined();
  });

  it("deletes the n-th line from the bottom as /delete n, and says why when it may not", async () => {
    const { ann, bob, channel } = await pair();
    await ann.submit("oops");
    await bob.submit("bob's");
    await waitForState(bob, (s) => said(s, channel).length === 2);
    expect(await bob.submit("/delete 2")).toMatchObject({ code: "FORBIDDEN" });
    expect(await ann.submit("/delete")).toBeNull();
    await waitForState(bob, (s) => said(s, channel).length === 1);
    expect(said(bob.getState(), channel).map((m) => m.text)).toEqual(["bob's"]);
  });

  it("toggles a reaction with /react, showing whether I reacted", async () => {
    const { ann, bob, channel } = await pair();
    await bob.submit("react to me");
    await waitForState(ann, (s) => said(s, channel).length === 1);
    expect(await ann.submit("/react 👍")).toBeNull();
    const reacted = await waitForState(ann, (s) => (said(s, channel)[0]?.reactions?.length ?? 0) === 1);
    expect(said(reacted, channel)[0]?.reactions?.[0]).toMatchObject({ emoji: "👍", count: 1, me: true });
    await waitForState(bob, (s) => said(s, channel)[0]?.reactions?.[0]?.me === false);
    expect(await ann.submit("/react 👍 1")).toBeNull();
    await waitForState(bob, (s) => said(s, channel)[0]?.reactions === undefined);
  });

  it("replies with /reply n, the reply summarising the original", async () => {
    const { ann, bob, channel } = await pair();
    await bob.submit("a question");
    await bob.submit("another thing");
    expect(await ann.submit("/reply 2 the answer")).toBeNull();
    const seen = await waitForState(bob, (s) => said(s, channel).length === 3);
    expect(said(seen, channel)[2]?.replyTo).toMatchObject({
      excerpt: "a question",
      author: { name: bob.getState().me?.name },
    });
  });

  it("keeps a reply made while offline in the outbox and sends it, still a reply, on reconnect", async () => {
    const { ann, bob, channel } = await pair();
    await bob.submit("original");
    await waitForState(ann, (s) => said(s, channel).length === 1);
    const socket = (ann as unknown as { socket: { disconnect(): void; connect(): void } }).socket;
    socket.disconnect();
    const channelId = dev(ann.getState(), channel)?.view.id ?? "";
    const seq = said(ann.getState(), channel)[0]?.seq ?? 0;
    const pending = ann.reply(channelId, seq, "late answer");
    expect(ann.getState().pending).toMatchObject([{ text: "late answer", replyTo: seq }]);
    socket.connect();
    await pending;
    const seen = await waitForState(bob, (s) => said(s, channel).length === 2);
    expect(said(seen, channel)[1]).toMatchObject({ text: "late answer", replyTo: { seq } });
  });

  it("refuses text over the limit without sending it, saying how much to cut", async () => {
    const { ann } = await pair();
    const error = await ann.submit("x".repeat(limits.messageMaxLength + 7));
    expect(error?.message).toMatch(/7 characters/);
    expect(ann.getState().pending).toEqual([]);
  });

  it("marks read: the badge clears at once here and on the user's other device", async () => {
    const { ann, bob, channel } = await pair();
    const annPhone = new ChatClient({ url: server.url });
    clients.push(annPhone);
    await annPhone.login(ann.getState().me?.name ?? "", PASSWORD);
    await bob.submit(`hey ${ann.getState().me?.name}`);
    await bob.submit("you there?");
    await waitForState(ann, (s) => dev(s, channel)?.unread === 2);
    await waitForState(annPhone, (s) => dev(s, channel)?.mentions === 1);
    ann.markRead(dev(ann.getState(), channel)?.view.id ?? "");
    expect(dev(ann.getState(), channel)).toMatchObject({ unread: 0, mentions: 0 });
    await waitForState(annPhone, (s) => dev(s, channel)?.unread === 0 && dev(s, channel)?.mentions === 0);
  });

  it("jumps to a near line by loading older pages, and to a far one through a window", async () => {
    const { ann, bob, channel } = await pair();
    const first = await bob.sendMessage(channel, "the very first");
    for (let i = 0; i < 120; i++) await bob.sendMessage(channel, `filler ${i}`);
    const reader = new ChatClient({ url: server.url });
    clients.push(reader);
    await reader.login(ann.getState().me?.name ?? "", PASSWORD);
    const id = dev(reader.getState(), channel)?.view.id ?? "";
    const seq = first.ok ? first.data.message.seq : 0;
    expect(dev(reader.getState(), channel)?.messages.some((m) => m.seq === seq)).toBe(false);
    expect((await reader.jumpTo(id, seq))?.text).toBe("the very first");
    expect(dev(reader.getState(), channel)?.window).toBeNull();

    // In batches the server takes at once (it refuses too many commands in flight on one connection).
    for (let i = 0; i < 1_100; i += 25) {
      const acks = await Promise.all(Array.from({ length: 25 }, (_, k) => bob.sendMessage(channel, `more ${i + k}`)));
      expect(acks.every((a) => a.ok)).toBe(true);
    }
    const far = new ChatClient({ url: server.url });
    clients.push(far);
    await far.login(ann.getState().me?.name ?? "", PASSWORD);
    expect((await far.jumpTo(id, seq))?.text).toBe("the very first");
    const window = dev(far.getState(), channel)?.window;
    expect(window?.messages.some((m) => m.seq === seq)).toBe(true);
    expect(window?.hasNewer).toBe(true);
    // A live change to a line in the window shows there too.
    await bob.editMessage(dev(bob.getState(), channel)?.view.id ?? "", seq, "the first, edited");
    await waitForState(
      far,
      (s) => dev(s, channel)?.window?.messages.find((m) => m.seq === seq)?.text === "the first, edited",
    );
    far.closeWindow(id);
    expect(dev(far.getState(), channel)?.window).toBeNull();
  });
});
