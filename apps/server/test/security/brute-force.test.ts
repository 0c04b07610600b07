import type { Ack } from "@canaduck/contract";
import { afterEach, describe, expect, it } from "vitest";
import { call, TestServer, type ClientSocket } from "../harness";
import { codeOf, rawConnect } from "./attack-kit";

const login = (socket: ClientSocket, name: string, password: string) => call(socket, "auth:login", { name, password });

async function attempts(socket: ClientSocket, count: number, name: (i: number) => string): Promise<Ack<unknown>[]> {
  const acks: Ack<unknown>[] = [];
  for (let i = 0; i < count; i++) acks.push(await login(socket, name(i), `guess number ${i}`));
  return acks;
}

describe("brute-force login", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("locks an account after 10 failed guesses, with a retry delay, even for the right password", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice", "the real password");
    const attacker = await rawConnect(server.url);
    const acks = await attempts(attacker, 12, () => "alice");
    expect(acks.map(codeOf)).toEqual([
      ...Array<string>(10).fill("INVALID_CREDENTIALS"),
      "RATE_LIMITED",
      "RATE_LIMITED",
    ]);
    const locked = acks[11];
    expect(locked?.ok ? null : locked?.error.retryAfterMs).toBeGreaterThan(14 * 60_000); // the 15-minute window
    // While locked, the right password does not get through either, so guessing cannot go on in secret.
    expect(codeOf(await login(attacker, "ALICE", "the real password"))).toBe("RATE_LIMITED");
    // Her sessions are not affected: her token still connects and works.
    const laptop = await rawConnect(server.url, { auth: { token: alice.token } });
    expect(codeOf(await call(laptop, "session:state", {}))).toBe("ok");
  });

  it("limits one address guessing across many accounts, and ignores a forged X-Forwarded-For", async () => {
    server = await new TestServer({ RATE_LOGIN_FAILURES_PER_ADDRESS: "5/15m" }).start();
    const attacker = await rawConnect(server.url, { headers: { "X-Forwarded-For": "203.0.113.7" } });
    const acks = await attempts(attacker, 7, (i) => `victim${i}`);
    expect(acks.map(codeOf)).toEqual([...Array<string>(5).fill("INVALID_CREDENTIALS"), "RATE_LIMITED", "RATE_LIMITED"]);
    const other = await rawConnect(server.url, { headers: { "X-Forwarded-For": "198.51.100.9" } });
    expect(codeOf(await login(other, "someone", "another guess"))).toBe("RATE_LIMITED");
  });

  it("behind a trusted proxy, counts each client address the proxy reports", async () => {
    server = await new TestServer({ RATE_LOGIN_FAILURES_PER_ADDRESS: "2/15m", TRUST_PROXY: "1" }).start();
    // The client prepended a lie; the proxy appended the address it really saw, which is what counts.
    const first = await rawConnect(server.url, { headers: { "X-Forwarded-For": "10.9.9.9, 203.0.113.7" } });
    expect((await attempts(first, 3, (i) => `victim${i}`)).map(codeOf)).toEqual([
      "INVALID_CREDENTIALS",
      "INVALID_CREDENTIALS",
      "RATE_LIMITED",
    ]);
    const sameClient = await rawConnect(server.url, { headers: { "X-Forwarded-For": "10.1.1.1, 203.0.113.7" } });
    expect(codeOf(await login(sameClient, "victim9", "a guess"))).toBe("RATE_LIMITED");
    const otherClient = await rawConnect(server.url, { headers: { "X-Forwarded-For": "198.51.100.9" } });
    expect(codeOf(await login(otherClient, "victim9", "a guess"))).toBe("INVALID_CREDENTIALS");
  });

  it("does not count successful logins, so a user logging in often is never locked out", async () => {
    server = await new TestServer({
      RATE_LOGIN_FAILURES_PER_ACCOUNT: "3/15m",
      RATE_LOGIN_FAILURES_PER_ADDRESS: "3/15m",
    }).start();
    await server.user("alice", "the real password");
    for (let i = 0; i < 6; i++) {
      const socket = await rawConnect(server.url);
      expect(codeOf(await login(socket, "alice", "the real password"))).toBe("ok");
      socket.close();
    }
  });

  it("limits registrations per address", async () => {
    server = await new TestServer({ RATE_REGISTER_PER_ADDRESS: "3/1h" }).start();
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const fresh = await rawConnect(server.url);
      codes.push(codeOf(await call(fresh, "auth:register", { name: `bot${i}`, password: "password for a bot" })));
      fresh.close();
    }
    expect(codes).toEqual(["ok", "ok", "ok", "RATE_LIMITED"]);
  });

  it("limits connection attempts per address at the handshake, with a retry delay", async () => {
    server = await new TestServer({ RATE_CONNECT_PER_ADDRESS: "3/1m" }).start();
    for (let i = 0; i < 3; i++) (await rawConnect(server.url)).close();
    await expect(rawConnect(server.url)).rejects.toMatchObject({
      data: { code: "RATE_LIMITED", retryAfterMs: expect.any(Number) as unknown },
    });
  });
});
