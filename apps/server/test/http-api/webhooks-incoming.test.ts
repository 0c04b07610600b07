import type { Message } from "@canaduck/contract";
import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { apiClient, codeOf, request } from "./http-client";
import { sign } from "./webhook-receiver";

interface Incoming {
  webhook: { id: string; bot: { id: string; name: string } };
  url: string;
  secret: string;
}

/** Incoming webhooks over real HTTP: a secret URL whose bot says what is POSTed, seen by a Socket.IO member. */
describe("incoming webhooks", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.dispose();
    server = undefined;
  });

  async function setUp(env: Record<string, string> = {}, signed = false) {
    server = await new TestServer(env).start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    const made = await apiClient(server.url, alice.token).post("/channels/dev/webhooks/incoming", {
      name: "deploybot",
      ...(signed ? { signed: true } : {}),
    });
    expect(made.status, made.text).toBe(201);
    const hook = made.body as Incoming;
    const post = (body: unknown, headers: Record<string, string> = {}, url = hook.url) =>
      request(server?.url ?? "", "POST", url, { body, headers });
    return { server, alice, bob, hook, post };
  }

  it("says a POSTed text in the channel as its bot, to a Socket.IO member, Slack's shape too", async () => {
    const { bob, hook, post } = await setUp();
    const heard = bob.next("message:new", (m) => m.text === "deployed v1.2");
    const answer = await post({ text: "deployed v1.2" });
    expect(answer.status, answer.text).toBe(201);
    const line: Message = await heard;
    expect(line.author).toEqual({ id: hook.webhook.bot.id, name: "deploybot", isBot: true });
    const who = await bob.do("channel:who", { channel: "#dev" });
    expect(who.members.find((m) => m.name === "deploybot")?.isBot).toBe(true);
    // Slack's incoming-webhook body: its other fields are ignored.
    const slack = await post({ text: "from slack", username: "ci", icon_emoji: ":ghost:", mrkdwn: true });
    expect(slack.status, slack.text).toBe(201);
    // The Idempotency-Key is the send's clientId: a retry answers the line first stored.
    const once = await post({ text: "just once" }, { "idempotency-key": "deploy-42" });
    const twice = await post({ text: "just once" }, { "idempotency-key": "deploy-42" });
    const seqOf = (a: { body: unknown }) => (a.body as { message: Message }).message.seq;
    expect(seqOf(twice)).toBe(seqOf(once));
  });

  it("answers a wrong secret as an unknown hook, and stops once the hook is deleted", async () => {
    const { alice, hook, post } = await setUp();
    const wrong = await post({ text: "hi" }, {}, `/api/v1/hooks/${hook.webhook.id}/not-the-secret`);
    expect([wrong.status, codeOf(wrong)]).toEqual([404, "NO_SUCH_WEBHOOK"]);
    const unknown = await post({ text: "hi" }, {}, `/api/v1/hooks/nope/${hook.secret}`);
    expect([unknown.status, codeOf(unknown)]).toEqual([404, "NO_SUCH_WEBHOOK"]);
    expect((await post({ text: "still here" })).status).toBe(201);
    await alice.do("webhook:delete", { webhookId: hook.webhook.id });
    const gone = await post({ text: "after delete" });
    expect([gone.status, codeOf(gone)]).toEqual([404, "NO_SUCH_WEBHOOK"]);
  });

  it("refuses a signed hook's unsigned, badly signed, stale and replayed requests", async () => {
    const { hook, post } = await setUp({}, true);
    const body = JSON.stringify({ text: "signed hello" });
    const unsigned = await post(body);
    expect([unsigned.status, codeOf(unsigned)]).toEqual([401, "BAD_SIGNATURE"]);
    const forged = await post(body, { "x-canaduck-signature": sign("a guess", body) });
    expect([forged.status, codeOf(forged)]).toEqual([401, "BAD_SIGNATURE"]);
    const stale = await post(body, {
      "x-canaduck-signature": sign(hook.secret, body, Math.floor(Date.now() / 1000) - 400),
    });
    expect([stale.status, codeOf(stale)]).toEqual([401, "STALE_SIGNATURE"]);
    const signature = sign(hook.secret, body);
    const fresh = await post(body, { "x-canaduck-signature": signature });
    expect(fresh.status, fresh.text).toBe(201);
    const replayed = await post(body, { "x-canaduck-signature": signature });
    expect([replayed.status, codeOf(replayed)]).toEqual([409, "REPLAYED_SIGNATURE"]);
  });

  it("holds the bot to the send rate limits", async () => {
    const { post } = await setUp({ RATE_SEND_PER_USER: "3/30s" });
    for (let i = 0; i < 3; i += 1) expect((await post({ text: `line ${i}` })).status).toBe(201);
    const limited = await post({ text: "one too many" });
    expect([limited.status, codeOf(limited)]).toEqual([429, "RATE_LIMITED"]);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("answers a body too large, malformed JSON, no text and the wrong content type with coded 4xx", async () => {
    const { post } = await setUp();
    const large = await post({ text: "x".repeat(70 * 1024) });
    expect([large.status, codeOf(large)]).toEqual([413, "INVALID_PAYLOAD"]);
    const malformed = await post('{"text": "unclosed');
    expect([malformed.status, codeOf(malformed)]).toEqual([400, "INVALID_PAYLOAD"]);
    const empty = await post({ username: "no text" });
    expect([empty.status, codeOf(empty)]).toEqual([400, "INVALID_PAYLOAD"]);
    const form = await post("text=hi", { "content-type": "application/x-www-form-urlencoded" });
    expect([form.status, codeOf(form)]).toEqual([415, "INVALID_PAYLOAD"]);
  });
});
