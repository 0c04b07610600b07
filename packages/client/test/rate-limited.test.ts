import { TestServer } from "@canaduck/server/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatClient, rateLimitedText } from "../src/chat-client";
import { waitForState } from "../src/wait-for-state";

/** Issue 17: lines the server refuses RATE_LIMITED are sent again after retryAfterMs, and the user is told once. */
describe("sends refused for going too fast", () => {
  let server: TestServer;
  let client: ChatClient | undefined;
  beforeEach(async () => {
    server = await new TestServer({ RATE_SEND_PER_USER: "3/1s" }).start();
  });
  afterEach(async () => {
    client?.close();
    await server.dispose();
  });

  it("wait and go out by themselves, in order, each stored once, with one notice", async () => {
    const ann = new ChatClient({ url: server.url });
    client = ann;
    await waitForState(ann, (s) => s.status === "online");
    expect((await ann.register("ann", "long password 1")).ok).toBe(true);
    expect(await ann.submit("/join #dev")).toBeNull();
    const lines = Array.from({ length: 7 }, (_, i) => `line ${i + 1}`);
    await Promise.all(lines.map((line) => ann.submit(line)));
    const done = await waitForState(
      ann,
      (s) =>
        s.pending.length === 0 &&
        Object.values(s.channels).some((c) => c.messages.filter((m) => m.kind === "text").length === 7),
      10_000,
    );
    const channel = Object.values(done.channels).find((c) => c.target === "#dev");
    expect(channel?.messages.filter((m) => m.kind === "text").map((m) => m.text)).toEqual(lines);
    expect(done.notices.filter((n) => n.text === rateLimitedText)).toHaveLength(1);
    expect(done.notices.filter((n) => n.code === "RATE_LIMITED" && n.text !== rateLimitedText)).toEqual([]);
  });
});
