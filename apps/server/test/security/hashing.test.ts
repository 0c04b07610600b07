import { afterEach, describe, expect, it } from "vitest";
import { call, TestServer, type ChatClient } from "../harness";
import { rawConnect } from "./attack-kit";

async function roundTrip(alice: ChatClient, bob: ChatClient, text: string): Promise<number> {
  const started = performance.now();
  const heard = bob.next("message:new", (m) => m.text === text);
  await alice.do("message:send", { target: "#dev", text });
  await heard;
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

describe("password hashing", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("does not hold up other users: chat flows while a burst of logins is being hashed", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    for (const c of [alice, bob]) await c.do("channel:join", { channel: "#dev" });
    const calm: number[] = [];
    for (let i = 0; i < 5; i++) calm.push(await roundTrip(alice, bob, `calm ${i}`));

    // 24 wrong-password logins at once, each an argon2id verification of 19 MiB.
    const sockets = await Promise.all(Array.from({ length: 24 }, () => rawConnect(server?.url ?? "")));
    const started = performance.now();
    const logins = Promise.all(sockets.map((s, i) => call(s, "auth:login", { name: "alice", password: `guess ${i}` })));
    const busy: number[] = [];
    for (let i = 0; i < 5; i++) busy.push(await roundTrip(alice, bob, `busy ${i}`));
    const answers = await logins;
    const hashingMs = performance.now() - started;
    for (const s of sockets) s.close();

    console.log(`hashing 24 logins took ${hashingMs.toFixed(0)} ms; chat round trip calm median ${median(calm).toFixed(1)} ms, meanwhile max ${Math.max(...busy).toFixed(1)} ms`);
    expect(answers.every((a) => !a.ok)).toBe(true);
    // Within ten times the calm pace; the floor allows for a 2-core machine that CI shares with other suites.
    expect(Math.max(...busy)).toBeLessThan(Math.max(10 * median(calm), 1000));
  });
});
