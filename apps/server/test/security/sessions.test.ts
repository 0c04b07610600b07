import { afterEach, describe, expect, it } from "vitest";
import { call, TestServer } from "../harness";
import { codeOf, disconnected, rawConnect } from "./attack-kit";

describe("stolen tokens and sessions", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("refuses a stolen token once its owner revokes that session, closing the thief's connection at once", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice"); // her laptop
    const phone = await rawConnect(server.url);
    const grant = await call(phone, "auth:login", { name: "alice", password: "correct horse battery" });
    if (!grant.ok) throw new Error(grant.error.code);
    const stolen = grant.data.token;
    const thief = await rawConnect(server.url, { auth: { token: stolen } });
    expect(codeOf(await call(thief, "session:state", {}))).toBe("ok");

    const { sessions } = await alice.do("session:list", {});
    expect(sessions).toHaveLength(2);
    const laptop = sessions.find((s) => s.current);
    const lost = sessions.find((s) => !s.current);
    if (!laptop || !lost) throw new Error("expected the current and one other session");
    expect(JSON.stringify(sessions)).not.toContain(stolen);

    const ended = new Promise((resolve) => thief.once("session:ended", resolve));
    const thiefGone = disconnected(thief);
    const phoneGone = disconnected(phone);
    expect(await alice.do("session:revoke", { sessionId: lost.id })).toEqual({});
    expect(await ended).toEqual({ reason: "revoked" });
    await thiefGone;
    await phoneGone; // every connection of that session, not only the thief's
    await expect(rawConnect(server.url, { auth: { token: stolen } })).rejects.toMatchObject({
      data: { code: "NOT_AUTHENTICATED" },
    });
    // The laptop's session is untouched.
    expect((await alice.do("session:list", {})).sessions.map((s) => s.id)).toEqual([laptop.id]);
    expect(codeOf(await alice.send("session:state", {}))).toBe("ok");
  });

  it("does not let one user end another's session", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    const [bobSession] = (await bob.do("session:list", {})).sessions;
    const ack = await alice.send("session:revoke", { sessionId: bobSession?.id ?? "" });
    expect(codeOf(ack)).toBe("NO_SUCH_SESSION");
    expect(codeOf(await bob.send("session:state", {}))).toBe("ok");
    (await rawConnect(server.url, { auth: { token: bob.token } })).close();
  });

  it("refuses an expired token at the handshake with SESSION_EXPIRED", async () => {
    // No session sweep, which would close the open connection (session-sweep.test.ts).
    server = await new TestServer({ SESSION_TTL_HOURS: String(1.5 / 3600), SESSION_SWEEP_MS: "0" }).start(); // 1.5 s
    const alice = await server.user("alice");
    const deadline = Date.now() + 10_000;
    let refusal: unknown;
    while (refusal === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      refusal = await rawConnect(server.url, { auth: { token: alice.token } }).then(
        (socket) => void socket.close(),
        (error: unknown) => error,
      );
    }
    expect(refusal).toMatchObject({ data: { code: "SESSION_EXPIRED" } });
    // The connection opened before expiry is refused on its next command too.
    expect(codeOf(await alice.send("session:state", {}))).toBe("SESSION_EXPIRED");
  });
});
