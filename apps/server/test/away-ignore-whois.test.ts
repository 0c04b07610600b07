import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, next, twoInDev, type ChatClient, type TestServer } from "./harness";

// Runs on SQLite, and on PostgreSQL under TEST_DATABASE=postgres (the package's test script runs both).
describe("/away, /whois and /ignore over real sockets", () => {
  let server: TestServer;
  let alice: ChatClient;
  let bob: ChatClient;
  beforeEach(async () => {
    ({ server, alice, bob } = await twoInDev());
  });
  afterEach(() => server.dispose());

  it("tells the channel when bob goes away and comes back, and shows it in /who and /whois", async () => {
    await bob.do("message:send", { target: "#dev", text: "brb" });
    const heard = alice.next("user:away");
    expect(await bob.do("user:away", { message: "at lunch" })).toEqual({ away: "at lunch" });
    expect(await heard).toMatchObject({ user: { name: "bob" }, away: "at lunch" });
    const { members } = await alice.do("channel:who", { channel: "#dev" });
    expect(members.find((m) => m.name === "bob")).toMatchObject({ away: "at lunch", online: true });
    const whois = await alice.do("user:whois", { nick: "bob" });
    expect(whois).toMatchObject({ online: true, away: "at lunch", channelsInCommon: ["#dev"] });
    expect(whois.idleSeconds).toBeGreaterThanOrEqual(0);
    expect(whois.idleSeconds).toBeLessThan(60);

    const back = alice.next("user:away", (p) => p.away === null);
    await bob.do("user:away", {});
    await back;
    expect((await alice.do("user:whois", { nick: "bob" })).away).toBeNull();
    // The away message outlives a restart: it is stored, not held by a connection.
    await bob.do("user:away", { message: "gone home" });
    await server.restart();
    const again = await server.connect({ token: alice.token });
    const answer = await call(again, "user:whois", { nick: "bob" });
    expect(answer).toMatchObject({
      ok: true,
      data: { online: false, away: "gone home" },
    });
  });

  it("keeps alice's ignore list on the server: her other device hears of it, a new session reads it", async () => {
    const phone = await server.connect({ token: alice.token });
    const changed = next(phone, "ignore:changed");
    const { ignored } = await alice.do("user:ignore", { nick: "bob" });
    expect(ignored.map((u) => u.name)).toEqual(["bob"]);
    expect(await changed).toEqual({ ignored });
    const state = await call(phone, "session:state", {});
    expect(state).toMatchObject({ ok: true, data: { ignored } });
    // bob's lines are still delivered (clients hide them), so the log stays one for everyone.
    const line = alice.next("message:new", (m) => m.text === "still here");
    await bob.do("message:send", { target: "#dev", text: "still here" });
    await line;
    expect(await alice.send("user:ignore", { nick: "alice" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_PAYLOAD" },
    });
    expect((await alice.do("user:unignore", { nick: "bob" })).ignored).toEqual([]);
    expect((await alice.do("session:sync", { conversations: [] })).ignored).toEqual([]);
  });

  it("answers /whois of an unknown nick NO_SUCH_USER", async () => {
    expect(await alice.send("user:whois", { nick: "nobody" })).toMatchObject({
      ok: false,
      error: { code: "NO_SUCH_USER" },
    });
  });
});
