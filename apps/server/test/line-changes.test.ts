import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawQuery, record, twoInDev, type TestServer, type ChatClient } from "./harness";

/** Edits, deletions, reactions and replies between two people connected to a real server. */
describe("changing lines over Socket.IO", () => {
  let server: TestServer;
  let alice: ChatClient;
  let bob: ChatClient;
  beforeEach(async () => {
    ({ server, alice, bob } = await twoInDev());
  });
  afterEach(() => server.dispose());

  const say = async (who: ChatClient, text: string) => (await who.do("message:send", { target: "#dev", text })).message;

  it("edits a line: the other user gets the edit entry live, and history shows the line edited", async () => {
    const line = await say(alice, "helo bob");
    const seen = bob.next("message:new", (m) => m.kind === "edit");
    const { message } = await alice.do("message:edit", { target: "#dev", seq: line.seq, text: "hello bob" });
    expect(message).toMatchObject({ seq: line.seq, text: "hello bob", version: line.seq + 1 });
    expect(await seen).toMatchObject({ seq: line.seq + 1, text: "hello bob", meta: { targetSeq: line.seq } });
    const { messages } = await bob.do("history:read", { target: "#dev" });
    expect(messages.find((m) => m.seq === line.seq)).toMatchObject({ text: "hello bob", editedAt: message.editedAt });
  });

  it("reacts and takes it back, seen live, with the reaction aggregated in history meanwhile", async () => {
    const line = await say(alice, "lunch?");
    const seen = record(alice.socket, "message:new");
    await bob.do("message:react", { target: "#dev", seq: line.seq, emoji: "🍕" });
    const { messages } = await alice.do("history:read", { target: "#dev" });
    expect(messages.find((m) => m.seq === line.seq)?.reactions).toEqual([
      {
        emoji: "🍕",
        count: 1,
        me: false,
        users: [{ id: expect.any(String) as unknown, name: "bob", seq: line.seq + 1 }],
      },
    ]);
    await bob.do("message:unreact", { target: "#dev", seq: line.seq, emoji: "🍕" });
    await alice.do("session:state", {});
    expect(seen.map((m) => [m.kind, m.meta])).toEqual([
      ["react", { targetSeq: line.seq, emoji: "🍕" }],
      ["unreact", { targetSeq: line.seq, emoji: "🍕" }],
    ]);
    const after = await alice.do("history:read", { target: "#dev" });
    expect(after.messages.find((m) => m.seq === line.seq)).not.toHaveProperty("reactions");
  });

  it("replies, the reply carrying who and the first words of the original", async () => {
    const line = await say(alice, "who is on call tonight?");
    const seen = alice.next("message:new", (m) => m.replyTo !== undefined);
    await bob.do("message:send", { target: "#dev", text: "me", replyTo: line.seq });
    expect((await seen).replyTo).toMatchObject({
      seq: line.seq,
      author: { name: "alice" },
      excerpt: "who is on call tonight?",
      deleted: false,
    });
  });

  it("deletes a line: gone for the other user, and its text gone from the database, edits included", async () => {
    const line = await say(alice, "the password is hunter2");
    await alice.do("message:edit", { target: "#dev", seq: line.seq, text: "the password is hunter3" });
    const seen = bob.next("message:new", (m) => m.kind === "delete");
    await alice.do("message:delete", { target: "#dev", seq: line.seq });
    expect(await seen).toMatchObject({ meta: { targetSeq: line.seq } });
    const { messages } = await bob.do("history:read", { target: "#dev" });
    expect(messages.find((m) => m.seq === line.seq)).toMatchObject({ deleted: true, text: "" });
    const stored = await rawQuery(await server.databaseUrl(), `SELECT "text", "meta" FROM "Message"`);
    expect(stored.length).toBeGreaterThan(3);
    expect(stored.filter((row) => `${String(row.text)} ${String(row.meta)}`.includes("hunter"))).toEqual([]);
  });

  it("lets the channel's owner delete someone else's line, and audits it", async () => {
    // Reading the audit log takes a server admin: granted, as an operator would.
    await server.grantAdmin("alice");
    const line = await say(bob, "buy cheap watches");
    await alice.do("message:delete", { target: "#dev", seq: line.seq });
    const { entries } = await alice.do("audit:log", {});
    expect(entries[0]).toMatchObject({
      action: "message.delete",
      actor: "alice",
      channel: "#dev",
      target: "bob",
      detail: `seq ${line.seq}`,
    });
  });

  it("deletes a line once when two moderators delete it at the same moment, and reacts once on a double click", async () => {
    const carol = await server.user("carol");
    await carol.do("channel:join", { channel: "#dev" });
    await alice.do("channel:op", { channel: "#dev", nick: "carol" });
    const line = await say(bob, "off topic");
    const code = (ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? "ok" : ack.error?.code);
    const deletes = await Promise.all([
      alice.send("message:delete", { target: "#dev", seq: line.seq }),
      carol.send("message:delete", { target: "#dev", seq: line.seq }),
    ]);
    expect(deletes.map(code).sort()).toEqual(["MESSAGE_DELETED", "ok"]);
    const other = await say(alice, "react to me");
    const reacts = await Promise.all([
      bob.send("message:react", { target: "#dev", seq: other.seq, emoji: "👍" }),
      bob.send("message:react", { target: "#dev", seq: other.seq, emoji: "👍" }),
    ]);
    expect(reacts.map(code).sort()).toEqual(["ALREADY_REACTED", "ok"]);
    const { messages } = await alice.do("history:read", { target: "#dev" });
    expect(messages.filter((m) => m.kind === "delete")).toHaveLength(1);
    expect(messages.find((m) => m.seq === other.seq)?.reactions?.[0]?.count).toBe(1);
  });

  it("refuses bad changes with their codes, never INTERNAL, and changes nothing", async () => {
    const line = await say(alice, "original");
    await bob.do("message:react", { target: "#dev", seq: line.seq, emoji: "👍" });
    const before = await alice.do("history:read", { target: "#dev" });
    const codes = async (who: ChatClient, event: Parameters<ChatClient["send"]>[0], payload: unknown) => {
      const ack = await who.send(event, payload as never);
      return ack.ok ? "ok" : ack.error.code;
    };
    expect(await codes(bob, "message:react", { target: "#dev", seq: line.seq, emoji: "lol" })).toBe("INVALID_PAYLOAD");
    expect(await codes(bob, "message:react", { target: "#dev", seq: line.seq, emoji: "👍" })).toBe("ALREADY_REACTED");
    expect(await codes(alice, "message:edit", { target: "#dev", seq: 0, text: "x" })).toBe("INVALID_PAYLOAD");
    expect(await codes(alice, "message:edit", { target: "#dev", seq: 999_999, text: "x" })).toBe("NO_SUCH_MESSAGE");
    expect(await codes(bob, "message:edit", { target: "#dev", seq: line.seq, text: "mine now" })).toBe("FORBIDDEN");
    expect(await codes(bob, "message:delete", { target: "#dev", seq: line.seq })).toBe("FORBIDDEN");
    expect(await codes(alice, "message:send", { target: "#dev", text: "re", replyTo: line.seq + 1 })).toBe(
      "NO_SUCH_MESSAGE",
    );
    expect(await codes(bob, "message:unreact", { target: "#dev", seq: line.seq, emoji: "🎉" })).toBe("NOT_REACTED");
    expect(await alice.do("history:read", { target: "#dev" })).toEqual(before);
    await alice.do("message:delete", { target: "#dev", seq: line.seq });
    expect(await codes(alice, "message:delete", { target: "#dev", seq: line.seq })).toBe("MESSAGE_DELETED");
    expect(await codes(alice, "message:edit", { target: "#dev", seq: line.seq, text: "x" })).toBe("MESSAGE_DELETED");
    expect(await codes(bob, "message:react", { target: "#dev", seq: line.seq, emoji: "🎉" })).toBe("MESSAGE_DELETED");
  });
});
