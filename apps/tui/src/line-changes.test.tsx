import { ChatClient, memoryTokenStore, waitForState } from "@canaduck/client";
import { limits } from "@canaduck/contract";
import { TestServer } from "@canaduck/server/testing";
import { cleanup, render } from "ink-testing-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { App } from "./app";
import { waitForFrame } from "./testing/frames";
import { keys, resize } from "./testing/terminal";

/** Issue 12 in the rendered app: edits, deletions, reactions and long lines, against a real server. */
describe("changing lines in the terminal client", () => {
  let server: TestServer;
  let client: ChatClient | undefined;

  beforeEach(async () => {
    server = await new TestServer({ RATE_SEND_PER_USER: "500/30s" }).start();
  });
  afterEach(async () => {
    cleanup();
    client?.close();
    await server.dispose();
  });

  const aliceIn = async (channel: string) => {
    const tokens = memoryTokenStore();
    client = new ChatClient({ url: server.url, tokens, socket: { reconnectionDelay: 50, reconnectionDelayMax: 200 } });
    const app = render(
      <App client={client} url={server.url} hasToken={() => tokens.load() !== null} onBell={() => {}} />,
    );
    resize(app.stdout, 100, 30);
    await waitForState(client, (s) => s.status === "online");
    expect((await client.register("alice", "long password 1")).ok).toBe(true);
    expect(await client.submit(`/join ${channel}`)).toBeNull();
    await waitForFrame(app.lastFrame, (f) => f.includes("alice joined"));
    return app;
  };
  const say = (stdin: { write(data: string): void }, line: string) => {
    stdin.write(line);
    stdin.write(keys.enter);
  };

  it("↑ on an empty prompt starts /edit with my last line, and the edit shows as (edited)", async () => {
    const { lastFrame, stdin } = await aliceIn("#dev");
    say(stdin, "helo world");
    // Sent, not still on its way: only a line the server took can be edited.
    await waitForFrame(lastFrame, (f) => f.includes("<alice> helo world") && !f.includes("sending…"));
    stdin.write(keys.up);
    await waitForFrame(lastFrame, (f) => f.includes("[#dev] /edit helo world"));
    stdin.write(keys.alt("b"));
    stdin.write(keys.ctrlW);
    stdin.write("hello ");
    stdin.write(keys.enter);
    const frame = await waitForFrame(lastFrame, (f) => f.includes("<alice> hello world (edited)"));
    expect(frame).not.toContain("helo");
  });

  it("/delete leaves a tombstone and /react shows the reaction marked as mine", async () => {
    const { lastFrame, stdin } = await aliceIn("#dev");
    say(stdin, "keep me");
    say(stdin, "oops");
    await waitForFrame(lastFrame, (f) => f.includes("<alice> oops") && !f.includes("sending…"));
    say(stdin, "/delete");
    await waitForFrame(lastFrame, (f) => f.includes("<alice> (message deleted)"));
    say(stdin, "/react 🎉");
    await waitForFrame(lastFrame, (f) => f.includes("<alice> keep me [🎉 1*]"));
  });

  it("keeps a line over the limit in the prompt and says how much to cut", async () => {
    const { lastFrame, stdin } = await aliceIn("#dev");
    stdin.write("y".repeat(limits.messageMaxLength + 3));
    await waitForFrame(lastFrame, (f) => f.includes("Too long by 3 characters: cut 3 to send"));
    stdin.write(keys.enter);
    const frame = await waitForFrame(lastFrame, (f) => f.includes("-!- Too long by 3 characters"));
    expect(frame).toContain("[#dev] yyyy");
    stdin.write(keys.backspace);
    stdin.write(keys.backspace);
    stdin.write(keys.backspace);
    stdin.write(keys.enter);
    // Cut to the limit, it goes: the prompt empties and the whole line is there.
    await waitForFrame(
      lastFrame,
      (f) => /\[#dev\] *$/.test(f) && !f.includes("Too long by 3 characters: cut 3 to send ("),
    );
    const sent = await waitForState(
      client as ChatClient,
      (s) => s.channels[s.activeId ?? ""]?.messages.at(-1)?.kind === "text",
    );
    expect(sent.channels[sent.activeId ?? ""]?.messages.at(-1)?.text).toBe("y".repeat(limits.messageMaxLength));
  });
});
