import { StoreUnavailableError, type Store } from "@canaduck/domain";
import { afterEach, describe, expect, it } from "vitest";
import { call, TestServer } from "../harness";
import { apiClient, codeOf, request, type HttpAnswer } from "./http-client";

/** What a problem+json answer must carry: its status, the protocol's code, and that media type. */
function expectProblem(answer: HttpAnswer, status: number, code: string) {
  expect([answer.status, codeOf(answer)]).toEqual([status, code]);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body).toMatchObject({ status, code, title: code });
}

describe("HTTP semantics of /api/v1", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  const withAlice = async (env: Record<string, string> = {}) => {
    server = await new TestServer(env).start();
    const socket = await server.user("alice");
    const alice = apiClient(server.url, socket.token);
    await alice.put("/channels/dev/membership");
    return { server, alice, socket };
  };

  it("asks for a Bearer token: none, a malformed one and an unknown one are each a coded 401", async () => {
    const { server } = await withAlice();
    const none = await apiClient(server.url).get("/me");
    expectProblem(none, 401, "NOT_AUTHENTICATED");
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expectProblem(
      await request(server.url, "GET", "/api/v1/me", { headers: { authorization: "Basic Zm9vOmJhcg==" } }),
      401,
      "NOT_AUTHENTICATED",
    );
    expectProblem(await apiClient(server.url, "not-a-real-token").get("/channels"), 401, "NOT_AUTHENTICATED");
    // The token is checked first: a stranger learns nothing from how the rest would be judged.
    expectProblem(
      await apiClient(server.url).post("/channels/dev/messages", { bogus: true }),
      401,
      "NOT_AUTHENTICATED",
    );
  });

  it("answers bad input with coded 4xx, never a 500, and keeps serving", async () => {
    const { server, alice, socket } = await withAlice();
    const post = (body: string, contentType = "application/json") =>
      request(server.url, "POST", "/api/v1/channels/dev/messages", {
        token: socket.token,
        body,
        headers: { "content-type": contentType },
      });
    expectProblem(await post("{not json"), 400, "INVALID_PAYLOAD");
    expectProblem(await post("text=hello", "application/x-www-form-urlencoded"), 415, "INVALID_PAYLOAD");
    expectProblem(await post(JSON.stringify({ text: "x".repeat(70 * 1024) })), 413, "INVALID_PAYLOAD");
    expectProblem(await post(JSON.stringify({ text: "hi", author: "root" })), 400, "INVALID_PAYLOAD");
    expectProblem(await post(JSON.stringify(["an", "array"])), 400, "INVALID_PAYLOAD");
    expectProblem(await post("null"), 400, "INVALID_PAYLOAD");
    expectProblem(await post(JSON.stringify({ text: "   " })), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.get("/channels/not%20a%20channel/messages"), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.get("/channels/dev/messages?before=yesterday"), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.get("/channels/dev/messages?before=1&after=1"), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.get("/channels/dev/messages?sort=desc"), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.get("/me?debug=1"), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.patch("/channels/dev/messages/-1", { text: "x" }), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.put("/channels/dev/messages/1/reactions/notanemoji"), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.get("/direct/9lives/messages"), 400, "INVALID_PAYLOAD");
    expectProblem(await alice.get("/channels/nowhere/members"), 404, "NO_SUCH_CHANNEL");
    expectProblem(await alice.get("/no/such/route"), 404, "UNKNOWN_EVENT");
    expectProblem(await request(server.url, "POST", "/api/v1/me", { token: socket.token }), 404, "UNKNOWN_EVENT");
    expect((await alice.post("/channels/dev/messages", { text: "still here" })).status).toBe(201);
  });

  it("answers 429 with Retry-After once a rate budget is spent, as the socket does", async () => {
    const { alice } = await withAlice({ RATE_SEND_PER_USER: "2/30s" });
    for (const text of ["one", "two"]) expect((await alice.post("/channels/dev/messages", { text })).status).toBe(201);
    const refused = await alice.post("/channels/dev/messages", { text: "three" });
    expectProblem(refused, 429, "RATE_LIMITED");
    const seconds = Number(refused.headers.get("retry-after"));
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(30);
    expect((refused.body as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it("counts failed HTTP logins against the same lockout as the socket's", async () => {
    const { server } = await withAlice({ RATE_LOGIN_FAILURES_PER_ACCOUNT: "2/15m" });
    const anyone = apiClient(server.url);
    for (let attempt = 0; attempt < 2; attempt++)
      expectProblem(await anyone.post("/sessions", { name: "alice", password: "guess" }), 401, "INVALID_CREDENTIALS");
    // Two more guesses over a socket would be refused the same way: the budget is the account's.
    const socket = await server.connect();
    const overSocket = await call(socket, "auth:login", { name: "alice", password: "guess" });
    expect(overSocket.ok ? "ok" : overSocket.error.code).toBe("RATE_LIMITED");
    const locked = await anyone.post("/sessions", { name: "alice", password: "correct horse battery" });
    expectProblem(locked, 429, "RATE_LIMITED");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers 503 with Retry-After while the database is unreachable", async () => {
    let down = false;
    server = await new TestServer(
      {},
      {
        store: (inner): Store => ({
          transaction: (work) =>
            down ? Promise.reject(new StoreUnavailableError("injected")) : inner.transaction(work),
          read: (work) => (down ? Promise.reject(new StoreUnavailableError("injected")) : inner.read(work)),
          readSnapshot: (work) =>
            down ? Promise.reject(new StoreUnavailableError("injected")) : inner.readSnapshot(work),
          bulkTransaction: (work) =>
            down ? Promise.reject(new StoreUnavailableError("injected")) : inner.bulkTransaction(work),
        }),
      },
    ).start();
    const alice = apiClient(server.url, (await server.user("alice")).token);
    down = true;
    const refused = await alice.get("/channels");
    expectProblem(refused, 503, "UNAVAILABLE");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    down = false;
    expect((await alice.get("/channels")).status).toBe(200);
  });

  it("answers a repeated read with 304 while it is unchanged, and anew once it changed", async () => {
    const { alice, socket } = await withAlice();
    const first = await alice.get("/me");
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^(W\/)?"/);
    expect(first.headers.get("cache-control")).toContain("private");
    const again = await alice.get("/me", { headers: { "if-none-match": tag ?? "" } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    await socket.do("channel:join", { channel: "#ops" });
    const changed = await alice.get("/me", { headers: { "if-none-match": tag ?? "" } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(tag);
    const list = await alice.get("/channels");
    const listAgain = await alice.get("/channels", { headers: { "if-none-match": list.headers.get("etag") ?? "" } });
    expect(listAgain.status).toBe(304);
  });

  it("lets only ALLOWED_ORIGINS call from a browser, and keeps the server's security headers", async () => {
    const { server, socket } = await withAlice({ ALLOWED_ORIGINS: "https://chat.example" });
    const preflight = (origin: string) =>
      request(server.url, "OPTIONS", "/api/v1/me", {
        headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
      });
    const allowed = await preflight("https://chat.example");
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://chat.example");
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const evil = await preflight("https://evil.example");
    expectProblem(evil, 403, "FORBIDDEN");
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    const read = await request(server.url, "GET", "/api/v1/me", {
      token: socket.token,
      headers: { origin: "https://evil.example" },
    });
    expectProblem(read, 403, "FORBIDDEN");
    const fine = await request(server.url, "GET", "/api/v1/me", {
      token: socket.token,
      headers: { origin: "https://chat.example" },
    });
    expect(fine.status).toBe(200);
    expect(fine.headers.get("access-control-allow-origin")).toBe("https://chat.example");
    expect(fine.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(fine.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
