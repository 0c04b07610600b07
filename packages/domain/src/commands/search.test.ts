import { describe, expect, it } from "vitest";
import type { UserActor } from "../actor";
import { codeOf, createTestDomain, devChannel, type TestDomain } from "../testing";

const say = async (t: TestDomain, actor: UserActor, text: string, target = "#dev") =>
  (await t.runOk(actor, "message:send", { target, text })).message.seq;
const search = (t: TestDomain, actor: UserActor, query: string, before?: string) =>
  t.runOk(actor, "search:query", { query, ...(before === undefined ? {} : { before }), limit: 2 });
const texts = async (t: TestDomain, actor: UserActor, query: string) =>
  (await search(t, actor, query)).hits.map((h) => `${h.target} ${h.message.text}`);

describe("search:query", () => {
  it("finds lines holding every word, newest first, in pages, with the conversation and the terms", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await say(t, alice, "the deploy is on Friday");
    await say(t, bob, "friday works, deploy at noon");
    await say(t, alice, "lunch on friday?");
    await say(t, bob, "Deployment done Friday");
    const first = await search(t, bob, "friday deploy");
    expect(first.hits.map((h) => h.message.text)).toEqual(["Deployment done Friday", "friday works, deploy at noon"]);
    expect(first.hits[0]?.target).toBe("#dev");
    expect(first.terms).toEqual([
      { text: "friday", prefix: false },
      { text: "deploy", prefix: true },
    ]);
    const second = await search(t, bob, "friday deploy", first.next ?? "");
    expect(second.hits.map((h) => h.message.text)).toEqual(["the deploy is on Friday"]);
    expect(second.next).toBeNull();
  });

  it("finds only what the user may read: their channels and their own direct conversations", async () => {
    const t = createTestDomain();
    const { alice, bob, carol } = await devChannel(t);
    await t.runOk(alice, "channel:join", { channel: "#secret" });
    await t.runOk(alice, "channel:mode", { channel: "#secret", inviteOnly: true });
    await say(t, alice, "secret plans", "#secret");
    await say(t, alice, "public plans");
    await say(t, alice, "private plans", "bob");
    expect(await texts(t, carol, "plans")).toEqual([]);
    expect(await texts(t, bob, "plans")).toEqual(["alice private plans", "#dev public plans"]);
    // Leaving a channel takes its lines out of one's search.
    await t.runOk(bob, "channel:part", { channel: "#dev" });
    expect(await texts(t, bob, "plans")).toEqual(["alice private plans"]);
  });

  it("finds an edited line by its new text, never a deleted one", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    const edited = await say(t, alice, "first draft");
    const deleted = await say(t, alice, "regrettable draft");
    await t.runOk(alice, "message:edit", { target: "#dev", seq: edited, text: "final wording" });
    await t.runOk(alice, "message:delete", { target: "#dev", seq: deleted });
    expect(await texts(t, bob, "draft")).toEqual([]);
    const found = (await search(t, bob, "final")).hits[0]?.message;
    expect(found).toMatchObject({ seq: edited, text: "final wording" });
    expect(found?.editedAt).toBeDefined();
  });

  it("filters by author, conversation, date, phrase and link", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await say(t, alice, "see https://example.com/report for the report");
    await say(t, bob, "the report is late");
    await say(t, bob, "late report, sorry", "alice");
    expect(await texts(t, bob, "from:alice report")).toEqual(["#dev see https://example.com/report for the report"]);
    expect(await texts(t, bob, "from:nobody report")).toEqual([]);
    expect(await texts(t, bob, "in:alice report")).toEqual(["alice late report, sorry"]);
    expect(await texts(t, bob, "has:link report")).toEqual(["#dev see https://example.com/report for the report"]);
    expect(await texts(t, bob, '"report is" late')).toEqual(["#dev the report is late"]);
    expect(await texts(t, bob, "before:2000-01-01 report")).toEqual([]);
    expect(await texts(t, bob, "in:#dev after:2000-01-01 late")).toEqual(["#dev the report is late"]);
  });

  it("shows each hit's own reactions and reply, though hits of two conversations share seqs", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    await t.runOk(alice, "channel:join", { channel: "#ops" });
    await t.runOk(bob, "channel:join", { channel: "#ops" });
    // Both channels' logs are seq for seq alike: only the #dev line gets the reaction and the reply.
    const devFirst = await say(t, alice, "rollout starts");
    const opsFirst = await say(t, alice, "rollout paused", "#ops");
    await t.runOk(bob, "message:react", { target: "#dev", seq: devFirst, emoji: "👍" });
    await say(t, bob, "ok", "#ops");
    await t.runOk(bob, "message:send", { target: "#dev", text: "rollout noted", replyTo: devFirst });
    const hits = (await t.runOk(bob, "search:query", { query: "rollout" })).hits;
    const view = hits.map((h) => ({
      line: `${h.target} ${h.message.text}`,
      reactions: h.message.reactions?.map((r) => `${r.emoji}${r.count}`) ?? [],
      replyTo: h.message.replyTo?.excerpt ?? null,
    }));
    expect(opsFirst).toBe(devFirst);
    expect(view).toEqual([
      { line: "#dev rollout noted", reactions: [], replyTo: "rollout starts" },
      { line: "#ops rollout paused", reactions: [], replyTo: null },
      { line: "#dev rollout starts", reactions: ["👍1"], replyTo: null },
    ]);
  });

  it("refuses a query it cannot read and a conversation the user is not in, saying why", async () => {
    const t = createTestDomain();
    const { alice, carol } = await devChannel(t);
    const refused = await t.run(carol, "search:query", { query: "before:soon x" });
    expect(codeOf(refused)).toBe("INVALID_QUERY");
    expect(codeOf(await t.run(carol, "search:query", { query: "*" }))).toBe("INVALID_QUERY");
    expect(codeOf(await t.run(carol, "search:query", { query: "in:#dev x" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(carol, "search:query", { query: "in:#nowhere x" }))).toBe("NOT_A_MEMBER");
    expect(codeOf(await t.run(alice, "search:query", { query: "x", before: "not a cursor" }))).toBe("INVALID_PAYLOAD");
    expect(codeOf(await t.run(carol, "search:query", { query: "x".repeat(501) }))).toBe("INVALID_PAYLOAD");
  });
});
