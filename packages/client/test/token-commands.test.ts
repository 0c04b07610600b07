import { TestServer } from "@canaduck/server/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChatClient } from "../src/chat-client";
import type { ChatState } from "../src/state";
import { memoryTokenStore } from "../src/token-store";
import { shownOnceText } from "../src/token-text";
import { waitForState } from "../src/wait-for-state";

const lastNotice = (state: ChatState) => state.notices.at(-1);

describe("/token and /bot through the client core, against a real server", () => {
  let server: TestServer;
  const clients: ChatClient[] = [];
  const client = (token: string | null = null) => {
    const c = new ChatClient({ url: server.url, tokens: memoryTokenStore(token) });
    clients.push(c);
    return c;
  };
  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.dispose();
  });

  it("shows a new token's secret once, apart from its text; lists tokens without it; revokes by name", async () => {
    const ann = client();
    await ann.register("ann", "long password 1");
    expect(await ann.submit("/token create ci read")).toBeNull();
    const made = lastNotice(ann.getState());
    expect(made?.text).toMatch(/^API token "ci" for ann \(read\), until \d{4}-\d\d-\d\d\. /);
    expect(made?.text).toContain(shownOnceText);
    expect(made?.secret).toMatch(/\S{20,}/);
    expect(made?.text).not.toContain(made?.secret ?? "");

    expect(await ann.submit("/token list")).toBeNull();
    const listed = lastNotice(ann.getState())?.text ?? "";
    expect(listed).toMatch(/^API tokens of ann \(\/token revoke name\|id\):\n {2}ci {2}read {2}made /);
    expect(listed).not.toContain(made?.secret ?? "");

    // The token works, as a program would use it, until it is revoked by its name.
    const program = client(made?.secret ?? "");
    await waitForState(program, (s) => s.me?.name === "ann");
    expect(await ann.submit("/token revoke ci")).toBeNull();
    expect(lastNotice(ann.getState())?.text).toMatch(/^Token revoked/);
    await waitForState(program, (s) => s.me === null);
    expect(await ann.submit("/token list")).toBeNull();
    expect(lastNotice(ann.getState())?.text).toMatch(/^No API tokens/);
  });

  it("makes a bot and its token; a token's own session may not make tokens, with the server's code", async () => {
    const ann = client();
    await ann.register("ann", "long password 1");
    expect(await ann.submit("/bot create dicebot")).toBeNull();
    expect(lastNotice(ann.getState())?.text).toBe(
      "Bot dicebot made. Give it a token: /token create name read write bot:dicebot",
    );
    expect(await ann.submit("/token create run bot:dicebot")).toBeNull();
    const made = lastNotice(ann.getState());
    expect(made?.text).toMatch(/^API token "run" for dicebot \(read, write\)/);
    expect(await ann.submit("/bot list")).toBeNull();
    expect(lastNotice(ann.getState())?.text).toBe("Your bots (/token list bot:nick shows a bot's tokens):\n  dicebot");

    const bot = client(made?.secret ?? "");
    await waitForState(bot, (s) => s.me?.name === "dicebot");
    expect(bot.getState().me?.isBot).toBe(true);
    const refused = await bot.submit("/token create wider read");
    expect(refused?.code).toBe("INSUFFICIENT_SCOPE");
    expect(refused?.message).toMatch(/password login/);
  });
});
