import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { apiClient, codeOf } from "./http-client";

/** API tokens over real HTTP and a real Socket.IO handshake, against a real server and database. */
describe("API tokens", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("works over HTTP and a socket within its scopes, and stops on its next request once revoked", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    const made = await alice.do("token:create", { name: "ci", scopes: ["read"] });
    const pat = apiClient(server.url, made.token);
    const me = await pat.get("/me");
    expect(me.status).toBe(200);
    const refused = await pat.put("/channels/dev/membership");
    expect([refused.status, codeOf(refused)]).toEqual([403, "INSUFFICIENT_SCOPE"]);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const socket = await server.connect({ token: made.token });
    expect(socket.connected).toBe(true);
    const ended = new Promise((resolve) => socket.once("session:ended", resolve));
    await alice.do("token:revoke", { tokenId: made.info.id });
    await ended;
    const after = await pat.get("/me");
    expect([after.status, codeOf(after)]).toEqual([401, "NOT_AUTHENTICATED"]);
  });

  it("another user cannot revoke my token, and the list never shows a secret", async () => {
    server = await new TestServer().start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    const made = await alice.do("token:create", { name: "ci", scopes: ["read", "write"] });
    const foreign = await bob.send("token:revoke", { tokenId: made.info.id });
    expect(foreign.ok ? "ok" : foreign.error.code).toBe("NO_SUCH_TOKEN");
    const listed = await alice.do("token:list", {});
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect((await apiClient(server.url, made.token).get("/me")).status).toBe(200);
  });
});
