import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, HandshakeRefused, next, TestServer } from "./harness";

describe("suspending an account, over real sockets", () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await new TestServer().start();
  });
  afterEach(() => server.dispose());

  it("ends the user's connections at once, refuses their login and token, keeps their lines; unsuspending lets them back", async () => {
    const root = await server.admin("root");
    const mallory = await server.user("mallory", "mallory's password");
    await root.do("channel:join", { channel: "#dev" });
    await mallory.do("channel:join", { channel: "#dev" });
    await mallory.do("message:send", { target: "#dev", text: "buy cheap ducks" });

    const ended = mallory.next("session:ended");
    const disconnected = new Promise<string>((resolve) => mallory.socket.once("disconnect", resolve));
    expect(await root.do("user:suspend", { nick: "mallory", reason: "spam" })).toEqual({ sessionsEnded: 1 });
    expect(await ended).toEqual({ reason: "revoked", code: "SUSPENDED" });
    await disconnected;

    const again = await server.connect();
    expect(await call(again, "auth:login", { name: "mallory", password: "mallory's password" })).toEqual({
      ok: false,
      error: { code: "SUSPENDED", message: "This account is suspended." },
    });
    const refused = await server.connect({ token: mallory.token }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HandshakeRefused);
    expect((refused as HandshakeRefused).data).toMatchObject({ code: "SUSPENDED" });

    const history = await root.do("history:read", { target: "#dev" });
    expect(history.messages.map((m) => m.text)).toContain("buy cheap ducks");
    const { entries } = await root.do("audit:log", { limit: 1 });
    expect(entries[0]).toMatchObject({ action: "suspend", actor: "root", target: "mallory", detail: "spam" });

    await root.do("user:unsuspend", { nick: "mallory" });
    const grant = await call(again, "auth:login", { name: "mallory", password: "mallory's password" });
    expect(grant.ok).toBe(true);
    const said = next(root.socket, "message:new", (p) => p.text === "I am back");
    expect((await call(again, "message:send", { target: "#dev", text: "I am back" })).ok).toBe(true);
    await said;
  });

  it("is for server admins only", async () => {
    await server.user("root");
    const alice = await server.user("alice");
    await server.user("bob");
    expect(await alice.send("user:suspend", { nick: "bob" })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
  });
});
