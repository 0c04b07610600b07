import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { codeOf, emitRaw } from "./attack-kit";

const payloads = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "&lt;b&gt; & <b>",
];

describe("markup from users stays text", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("round-trips an XSS payload as the exact same text, live and in history, in messages, topics and reasons", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    for (const c of [alice, bob]) await c.do("channel:join", { channel: "#dev" });
    for (const text of payloads) {
      const live = bob.next("message:new", (m) => m.kind === "text" && m.author?.name === "alice");
      const { message } = await alice.do("message:send", { target: "#dev", text });
      expect(message.text).toBe(text);
      expect((await live).text).toBe(text);
    }
    const topic = payloads[0] ?? "";
    expect((await alice.do("channel:topic", { channel: "#dev", topic })).channel.topic).toBe(topic);
    await alice.do("channel:kick", { channel: "#dev", nick: "bob", reason: topic });
    const { messages } = await alice.do("history:read", { target: "#dev" });
    expect(messages.filter((m) => m.kind === "text").map((m) => m.text)).toEqual(payloads);
    expect(messages.find((m) => m.kind === "kick")?.meta).toMatchObject({ reason: topic });
  });

  it("refuses terminal escape sequences and bidi overrides with a clear INVALID_PAYLOAD", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    await alice.do("channel:join", { channel: "#dev" });
    for (const text of ["\u001b]0;pwned\u0007 hello", "clear \u001b[2J\u001b[H", "invoice\u202Efdp.exe"]) {
      const ack = await emitRaw(alice.socket, "message:send", { target: "#dev", text });
      expect(codeOf(ack)).toBe("INVALID_PAYLOAD");
      expect(ack.ok ? "" : ack.error.message).toContain("control characters");
    }
    const topic = await emitRaw(alice.socket, "channel:topic", { channel: "#dev", topic: "\u009b2J" });
    expect(codeOf(topic)).toBe("INVALID_PAYLOAD");
    expect((await alice.do("history:read", { target: "#dev" })).messages.map((m) => m.kind)).toEqual(["join"]);
  });
});
