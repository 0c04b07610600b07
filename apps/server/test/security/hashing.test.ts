import { afterEach, describe, expect, it } from "vitest";
import { argon2Hasher } from "../../src/auth/argon2-hasher";
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

  it("uses argon2id at OWASP's parameters: 19 MiB, 2 iterations, 1 lane, salted", async () => {
    const first = await argon2Hasher.hash("correct horse battery staple");
    const second = await argon2Hasher.hash("correct horse battery staple");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(second).not.toBe(first);
    expect(await argon2Hasher.verify(first, "correct horse battery staple")).toBe(true);
    expect(await argon2Hasher.verify(first, "correct horse battery stapler")).toBe(false);
  });

  it("takes as long to refuse an unknown name as a wrong password, so names cannot be probed by timing", async () => {
    server = await new TestServer().start();
    await server.user("alice", "the real password");
    const socket = await rawConnect(server.url);
    const timed = async (name: string) => {
      const started = performance.now();
      const ack = await call(socket, "auth:login", { name, password: "a wrong guess" });
      expect(ack.ok ? "ok" : ack.error.code).toBe("INVALID_CREDENTIALS");
      return performance.now() - started;
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      wrong.push(await timed("alice"));
      unknown.push(await timed(`nobody${i}`));
    }
    console.log(
      `login refusal: wrong password median ${median(wrong).toFixed(1)} ms, unknown name median ${median(unknown).toFixed(1)} ms`,
    );
    // Without the decoy hash an unknown name would answer in a database lookup's time, ten times faster or more.
    expect(median(unknown)).toBeGreaterThan(median(wrong) / 3);
    expect(median(unknown)).toBeLessThan(median(wrong) * 3);
  });

  it("does not hold up other users: chat flows while a burst of logins is being hashed", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    for (const c of [alice, bob]) await c.do("channel:join", { channel: "#dev" });
    const calm: number[] = [];
    for (let i = 0; i < 5; i++) calm.push(await roundTrip(alice, bob, `calm ${i}`));

    // 24 failed logins at once, each an argon2id verification of 19 MiB (a different name each, so no
    // per-account limit cuts the burst short; unknown names are verified against the decoy hash).
    const sockets = await Promise.all(Array.from({ length: 24 }, () => rawConnect(server?.url ?? "")));
    const started = performance.now();
    let hashingMs = Infinity;
    const logins = Promise.all(
      sockets.map((s, i) => call(s, "auth:login", { name: `stranger${i}`, password: `guess ${i}` })),
    ).then((all) => {
      hashingMs = performance.now() - started;
      return all;
    });
    const busy: number[] = [];
    for (let i = 0; i < 5; i++) busy.push(await roundTrip(alice, bob, `busy ${i}`));
    const chatMs = performance.now() - started;
    const answers = await logins;
    for (const s of sockets) s.close();

    console.log(
      `hashing 24 logins took ${hashingMs.toFixed(0)} ms; chat round trip calm median ${median(calm).toFixed(1)} ms, meanwhile max ${Math.max(...busy).toFixed(1)} ms`,
    );
    expect(answers.map((a) => (a.ok ? "ok" : a.error.code))).toEqual(Array<string>(24).fill("INVALID_CREDENTIALS"));
    // Measured against the burst itself, in the same run: the five lines got through before the burst was
    // hashed, each in a small part of its time. Hashing on the event loop would hold them until the end.
    expect(chatMs).toBeLessThan(hashingMs);
    expect(Math.max(...busy)).toBeLessThan(hashingMs / 2);
  });
});
