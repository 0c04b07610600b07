import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths";
import { call, ChatClient, record, TestServer } from "../harness";

/** The example bot (examples/dice-bot) as its own process, as an operator would run it. */
class BotProcess {
  readonly output: string[] = [];
  private readonly child: ChildProcess;

  constructor(url: string, token: string) {
    this.child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(repoRoot, "examples", "dice-bot", "src", "main.ts")],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env.PATH,
          CANADUCK_URL: url,
          BOT_TOKEN: token,
          BOT_CHANNELS: "#dev",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    for (const stream of [this.child.stdout, this.child.stderr])
      stream?.on("data", (chunk: Buffer) => this.output.push(...chunk.toString().split("\n").filter(Boolean)));
  }

  async until(line: RegExp, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.some((l) => line.test(l))) {
      if (Date.now() > deadline)
        throw new Error(`the bot did not print ${line}; it printed: ${this.output.join(" | ")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async exited(): Promise<void> {
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once("exit", resolve));
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
  }
}

const servers: TestServer[] = [];
const bots: BotProcess[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  for (const server of servers.splice(0)) await server.dispose();
});

async function withBot(): Promise<{ server: TestServer; alice: ChatClient; bot: BotProcess }> {
  const server = await new TestServer().start();
  servers.push(server);
  // Its owner makes the bot account and a token for it, as `/bot create` and `/token create` do; it joins #dev itself.
  const alice = await server.user("alice");
  await alice.do("bot:create", { name: "dicebot" });
  const { token } = await alice.do("token:create", { name: "dice", scopes: ["read", "write"], bot: "dicebot" });
  await alice.do("channel:join", { channel: "#dev" });
  const bot = new BotProcess(server.url, token);
  bots.push(bot);
  await bot.until(/dice-bot listening in #dev/);
  return { server, alice, bot };
}

const say = (who: ChatClient, text: string) => who.do("message:send", { target: "#dev", text, clientId: randomUUID() });

describe("the example dice bot, a separate process using only the public HTTP API", () => {
  it("answers !roll in the channel, to a Socket.IO client", async () => {
    const { alice } = await withBot();
    const answer = alice.next("message:new", (m) => m.author?.name === "dicebot");
    await say(alice, "!roll 2d6");
    const line = await answer;
    expect(line.author?.isBot).toBe(true);
    const history = await alice.do("history:read", { target: "#dev" });
    expect(history.messages.find((m) => m.seq === line.seq)?.author).toMatchObject({ name: "dicebot", isBot: true });
    expect(line.text).toMatch(/^alice rolled 2d6: [1-6] \+ [1-6] = (\d+)$/);
    const [, first, second, total] = /: (\d) \+ (\d) = (\d+)$/.exec(line.text) ?? [];
    expect(Number(first) + Number(second)).toBe(Number(total));

    const help = alice.next("message:new", (m) => m.author?.name === "dicebot");
    await say(alice, "!roll 500d6");
    expect((await help).text).toBe("alice: between 1 and 100 dice of 2 to 1000 sides, please");
    // The asker's own line is no bot's.
    expect(history.messages.find((m) => m.text === "!roll 2d6")?.author?.isBot).toBeUndefined();
  }, 60_000);

  it("stops when its owner revokes its token, saying why", async () => {
    const { alice, bot } = await withBot();
    await alice.do("token:revoke", { tokenId: "dice" });
    await bot.until(/the token was refused \(401 NOT_AUTHENTICATED/);
    await bot.exited();
  }, 60_000);

  it("comes back after the server restarts and answers a roll asked as it returns, once", async () => {
    const { server, bot } = await withBot();
    await server.stop();
    await bot.until(/stream interrupted/);
    await server.start();
    // Asked at once: the bot is still waiting to reconnect, and finds the line in its catch-up.
    const back = await server.connect();
    const alice = new ChatClient(back, "", "alice");
    const seen = record(back, "message:new");
    expect(await call(back, "auth:login", { name: "alice", password: "correct horse battery" })).toMatchObject({
      ok: true,
    });
    await say(alice, "!roll d20");
    const deadline = Date.now() + 20_000;
    while (!seen.some((m) => m.author?.name === "dicebot") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    // A little longer: a second answer, a repeat after the reconnect, would arrive in this time.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rolls = seen.filter((m) => m.author?.name === "dicebot").map((m) => m.text);
    expect(rolls).toHaveLength(1);
    expect(rolls[0]).toMatch(/^alice rolled 1d20: \d+ = \d+$/);
  }, 60_000);
});
