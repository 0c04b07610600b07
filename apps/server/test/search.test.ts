import type { ClientEventResult } from "@canaduck/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, twoInDev, type ChatClient, type TestServer } from "./harness";

/**
 * search:query over Socket.IO on the real database (this file runs on SQLite and on
 * PostgreSQL): what a user may find, and what every kind of bad query is answered.
 */
describe("search over Socket.IO", () => {
  let server: TestServer;
  let alice: ChatClient;
  let bob: ChatClient;
  beforeEach(async () => {
    ({ server, alice, bob } = await twoInDev());
  });
  afterEach(() => server.dispose());

  const say = async (who: ChatClient, text: string, target = "#dev") =>
    (await who.do("message:send", { target, text })).message;
  const found = async (who: ChatClient, query: string) =>
    (await who.do("search:query", { query })).hits.map((h) => `${h.target}: ${h.message.text}`);

  it("never shows a line of an invite-only channel or someone else's direct conversation, before or after a kick", async () => {
    const carol = await server.user("carol");
    await alice.do("channel:join", { channel: "#inner" });
    await alice.do("channel:mode", { channel: "#inner", inviteOnly: true });
    await alice.do("channel:invite", { channel: "#inner", nick: "bob" });
    await bob.do("channel:join", { channel: "#inner" });
    await say(alice, "quarterly numbers inside", "#inner");
    await say(alice, "quarterly numbers for bob only", "bob");
    await say(alice, "quarterly numbers for everyone");

    expect(await found(carol, "quarterly")).toEqual([]);
    expect(await found(bob, "quarterly")).toEqual([
      "#dev: quarterly numbers for everyone",
      "alice: quarterly numbers for bob only",
      "#inner: quarterly numbers inside",
    ]);
    await alice.do("channel:kick", { channel: "#inner", nick: "bob" });
    expect(await found(bob, "quarterly")).toEqual([
      "#dev: quarterly numbers for everyone",
      "alice: quarterly numbers for bob only",
    ]);
    const refused = await bob.send("search:query", { query: "in:#inner quarterly" });
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_A_MEMBER" } });
  });

  it("folds accents and case alike in lines and queries: cafe finds Café, café finds cafe", async () => {
    await say(alice, "Meet at the Café at noon");
    await say(alice, "the cafe downstairs is closed");
    await say(alice, "coffee instead");
    expect(await found(bob, "cafe")).toEqual(["#dev: the cafe downstairs is closed", "#dev: Meet at the Café at noon"]);
    expect(await found(bob, "CAFÉ")).toEqual(["#dev: the cafe downstairs is closed", "#dev: Meet at the Café at noon"]);
    expect(await found(bob, '"the café"')).toEqual([
      "#dev: the cafe downstairs is closed",
      "#dev: Meet at the Café at noon",
    ]);
  });

  it("finds an edited line by its new text and a deleted one never", async () => {
    const edited = await say(alice, "typo in the planing doc");
    const deleted = await say(alice, "planning secrets, oops");
    await alice.do("message:edit", { target: "#dev", seq: edited.seq, text: "typo fixed in the planning doc" });
    await alice.do("message:delete", { target: "#dev", seq: deleted.seq });
    expect(await found(bob, "planning")).toEqual(["#dev: typo fixed in the planning doc"]);
    expect(await found(bob, "planing")).toEqual([]);
    expect(await found(bob, "secrets")).toEqual([]);
  });

  it("filters, pages and matches prefixes", async () => {
    for (let i = 1; i <= 7; i++) await say(i % 2 === 0 ? bob : alice, `standup note ${i}`);
    await say(bob, "standup link https://meet.example/standup");
    expect(await found(bob, "from:bob stand")).toEqual([
      "#dev: standup link https://meet.example/standup",
      "#dev: standup note 6",
      "#dev: standup note 4",
      "#dev: standup note 2",
    ]);
    expect(await found(bob, "standup has:link")).toEqual(["#dev: standup link https://meet.example/standup"]);
    expect(await found(bob, '"note 3"')).toEqual(["#dev: standup note 3"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await found(bob, `on:${today} note 1`)).toEqual(["#dev: standup note 1"]);
    expect(await found(bob, `before:${today} standup`)).toEqual([]);

    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await bob.do("search:query", { query: "standup", limit: 3, ...(before ? { before } : {}) });
      seen.push(...page.hits.map((h) => h.message.text));
      before = page.next ?? undefined;
    } while (before !== undefined);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen[0]).toBe("standup link https://meet.example/standup");

    // from: pages too (it reads the author's lines first): alice's four notes, two at a time.
    const hers: string[] = [];
    let after: string | null = null;
    do {
      const cursor: string | null = after;
      const page: ClientEventResult<"search:query"> = await bob.do("search:query", {
        query: "from:alice standup",
        limit: 2,
        ...(cursor === null ? {} : { before: cursor }),
      });
      hers.push(...page.hits.map((h) => h.message.text));
      after = page.next;
    } while (after !== null);
    expect(hers).toEqual(["standup note 7", "standup note 5", "standup note 3", "standup note 1"]);
  });

  it("answers every hostile query with a result or a coded refusal, never INTERNAL", async () => {
    await say(alice, "near the end");
    const hostile = [
      "",
      "   ",
      '"',
      '"unbalanced quote',
      "*",
      "NEAR(",
      "near(end",
      "end*",
      "-end",
      "end OR 1=1",
      '\'; DROP TABLE "Message"; --',
      "a\\",
      "before:2026-13-45 end",
      "after:tomorrow end",
      "from: end",
      "in:#doesnotexist end",
      "has:everything end",
      "x".repeat(500),
      "\u0000end",
      "e\u0301nd",
      "🦆 end",
      "x".repeat(10_000),
      // Letters PostgreSQL's unaccent folds into tsquery syntax, and marks it folds away.
      "end \u0338",
      "end \u0301*",
      "donʼt end",
      "aː end*",
      "ŉ end",
      "½ end",
    ];
    for (const query of hostile) {
      const answer = await call(bob.socket, "search:query", { query });
      if (answer.ok) continue;
      expect(["INVALID_QUERY", "INVALID_PAYLOAD", "NOT_A_MEMBER"], JSON.stringify(query.slice(0, 40))).toContain(
        answer.error.code,
      );
      expect(answer.error.message).not.toMatch(/SQL|sqlite|syntax error|tsquery|Prisma/i);
    }
    expect(await call(bob.socket, "search:query", { query: "end", before: "9 OR 1=1" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_PAYLOAD" },
    });
    // The server still answers, and a word with such a letter finds its line.
    expect(await found(bob, "near end")).toEqual(["#dev: near the end"]);
    await say(alice, "donʼt stop");
    expect(await found(bob, "donʼt")).toEqual(["#dev: donʼt stop"]);
  });
});
