import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Message } from "@canaduck/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "../../src/http-api/route-table";
import { TestServer } from "../harness";
import { request, type HttpAnswer, type RequestOptions } from "./http-client";

interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, object> }>;
  security?: unknown[];
}
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** `get /api/v1/channels/{channel}`: how an operation of the document is named here. */
const keyOf = (method: string, path: string) => `${method.toLowerCase()} ${path}`;
const EVENTS_KEY = "get /api/v1/events";
/** The upload and download routes: raw bytes, so not in the table of JSON routes. */
const FILE_KEYS = [
  "post /api/v1/channels/{channel}/files",
  "post /api/v1/direct/{nick}/files",
  "get /api/v1/files/{fileId}",
  "get /api/v1/files/{fileId}/thumbnail",
];
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/**
 * Walks the served OpenAPI document and calls every operation in it against a real server: each
 * answer's status must be one the document lists, and its body must match that answer's schema.
 * An operation with no call below, or a route the document lacks, fails the test.
 */
describe("the OpenAPI document", () => {
  let server: TestServer;
  let doc: Document;
  let validate: (answer: HttpAnswer, key: string) => void;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await new TestServer({ RATE_LIMITS: "off" }).start();
    for (const name of ["alice", "bob", "carol"]) tokens[name] = (await server.user(name)).token;
    tokens.root = (await server.admin("root")).token;
    const served = await request(server.url, "GET", "/api/openapi.json");
    expect(served.status).toBe(200);
    doc = served.body as Document;
    const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, "openapi.json");
    validate = (answer, key) => {
      const [method = "", path = ""] = key.split(" ");
      const operation = doc.paths[path]?.[method];
      const documented = operation?.responses[String(answer.status)];
      expect(
        documented,
        `${key} answered ${answer.status}, which the document does not list: ${answer.text}`,
      ).toBeDefined();
      const mediaTypes = Object.keys(documented?.content ?? {});
      if (mediaTypes.length === 0) return expect(answer.text, `${key} ${answer.status} has no body`).toBe("");
      const mediaType = answer.headers.get("content-type")?.split(";")[0] ?? "";
      expect(mediaTypes, `${key} ${answer.status} answered ${mediaType}`).toContain(mediaType);
      // Bytes (a file) are documented by their media type alone.
      if (Object.keys(documented?.content?.[mediaType] ?? {}).length === 0) return;
      const ref = `openapi.json#/${pointer("paths", path, method, "responses", String(answer.status), "content", mediaType, "schema")}`;
      const check = ajv.getSchema(ref);
      expect(check, ref).toBeDefined();
      const valid = check?.(answer.body);
      expect(valid, `${key} ${answer.status}: ${JSON.stringify(check?.errors)} in ${answer.text.slice(0, 300)}`).toBe(
        true,
      );
    };
  });
  afterAll(() => server.dispose());

  it("is OpenAPI 3.1 and describes exactly the routes the server has", () => {
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => keyOf(m, path)));
    const routes = [...apiRoutes.map((r) => keyOf(r.method, `/api/v1${r.path}`)), EVENTS_KEY, ...FILE_KEYS];
    expect(documented.sort()).toEqual(routes.sort());
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(documented.length);
  });

  it("answers every operation, called as documented, with what its schema allows", async () => {
    let line = 0;
    let directLine = 0;
    let tokenId = "";
    let fileId = "";
    let webhookId = "";
    let hookPath = "";
    const seqOf = (answer: HttpAnswer) => (answer.body as { message: Message }).message.seq;
    const tada = encodeURIComponent("🎉");
    /** Every operation, in an order where each finds what it needs: [operation, path, caller, options, expected status]. */
    const calls: Array<[string, () => string, string | null, RequestOptions?, number?]> = [
      [
        "post /api/v1/sessions",
        () => "/api/v1/sessions",
        null,
        { body: { name: "alice", password: "correct horse battery" } },
        201,
      ],
      ["get /api/v1/me", () => "/api/v1/me", "alice"],
      ["put /api/v1/channels/{channel}/membership", () => "/api/v1/channels/dev/membership", "alice"],
      ["put /api/v1/channels/{channel}/membership", () => "/api/v1/channels/dev/membership", "bob"],
      ["get /api/v1/channels", () => "/api/v1/channels", "alice"],
      ["get /api/v1/channels/{channel}", () => "/api/v1/channels/dev", "alice"],
      ["put /api/v1/channels/{channel}/topic", () => "/api/v1/channels/dev/topic", "alice", { body: { topic: "t" } }],
      [
        "put /api/v1/channels/{channel}/mode",
        () => "/api/v1/channels/dev/mode",
        "alice",
        { body: { inviteOnly: false } },
      ],
      [
        "post /api/v1/channels/{channel}/invites",
        () => "/api/v1/channels/dev/invites",
        "alice",
        { body: { nick: "carol" } },
      ],
      ["get /api/v1/channels/{channel}/members", () => "/api/v1/channels/dev/members", "alice"],
      ["put /api/v1/channels/{channel}/operators/{nick}", () => "/api/v1/channels/dev/operators/bob", "alice"],
      ["delete /api/v1/channels/{channel}/operators/{nick}", () => "/api/v1/channels/dev/operators/bob", "alice"],
      ["post /api/v1/channels/{channel}/kicks", () => "/api/v1/channels/dev/kicks", "alice", { body: { nick: "bob" } }],
      [
        "post /api/v1/channels/{channel}/bans",
        () => "/api/v1/channels/dev/bans",
        "alice",
        { body: { nick: "bob", durationSeconds: 60 } },
      ],
      ["get /api/v1/channels/{channel}/bans", () => "/api/v1/channels/dev/bans", "alice"],
      ["delete /api/v1/channels/{channel}/bans/{nick}", () => "/api/v1/channels/dev/bans/bob", "alice"],
      [
        "post /api/v1/channels/{channel}/messages",
        () => "/api/v1/channels/dev/messages",
        "alice",
        { body: { text: "hello" }, headers: { "idempotency-key": "k1" } },
        201,
      ],
      ["get /api/v1/channels/{channel}/messages", () => "/api/v1/channels/dev/messages?limit=10", "alice"],
      [
        "post /api/v1/channels/{channel}/files",
        () => "/api/v1/channels/dev/files?name=notes.txt",
        "alice",
        { body: "some notes", headers: { "content-type": "application/octet-stream" } },
        201,
      ],
      ["get /api/v1/files/{fileId}", () => `/api/v1/files/${fileId}`, "alice"],
      ["get /api/v1/files/{fileId}/thumbnail", () => `/api/v1/files/${fileId}/thumbnail`, "alice", {}, 404],
      [
        "patch /api/v1/channels/{channel}/messages/{seq}",
        () => `/api/v1/channels/dev/messages/${line}`,
        "alice",
        { body: { text: "hello again" } },
      ],
      [
        "put /api/v1/channels/{channel}/messages/{seq}/reactions/{emoji}",
        () => `/api/v1/channels/dev/messages/${line}/reactions/${tada}`,
        "alice",
      ],
      [
        "delete /api/v1/channels/{channel}/messages/{seq}/reactions/{emoji}",
        () => `/api/v1/channels/dev/messages/${line}/reactions/${tada}`,
        "alice",
      ],
      [
        "put /api/v1/channels/{channel}/read-marker",
        () => "/api/v1/channels/dev/read-marker",
        "alice",
        { body: { seq: 1 } },
      ],
      ["get /api/v1/search", () => "/api/v1/search?q=hello", "alice"],
      ["delete /api/v1/channels/{channel}/messages/{seq}", () => `/api/v1/channels/dev/messages/${line}`, "alice"],
      ["delete /api/v1/channels/{channel}/membership", () => "/api/v1/channels/dev/membership?reason=bye", "alice"],
      [
        "post /api/v1/direct/{nick}/messages",
        () => "/api/v1/direct/bob/messages",
        "alice",
        { body: { text: "psst", action: true } },
        201,
      ],
      [
        "post /api/v1/direct/{nick}/files",
        () => "/api/v1/direct/bob/files?name=x.bin",
        "alice",
        { body: "bytes", headers: { "content-type": "application/octet-stream" } },
        201,
      ],
      ["get /api/v1/direct", () => "/api/v1/direct", "alice"],
      ["get /api/v1/direct/{nick}/messages", () => "/api/v1/direct/bob/messages?before=100", "alice"],
      [
        "patch /api/v1/direct/{nick}/messages/{seq}",
        () => `/api/v1/direct/bob/messages/${directLine}`,
        "alice",
        { body: { text: "psst!" } },
      ],
      [
        "put /api/v1/direct/{nick}/messages/{seq}/reactions/{emoji}",
        () => `/api/v1/direct/alice/messages/${directLine}/reactions/${tada}`,
        "bob",
      ],
      [
        "delete /api/v1/direct/{nick}/messages/{seq}/reactions/{emoji}",
        () => `/api/v1/direct/alice/messages/${directLine}/reactions/${tada}`,
        "bob",
      ],
      [
        "put /api/v1/direct/{nick}/read-marker",
        () => "/api/v1/direct/alice/read-marker",
        "bob",
        { body: { seq: directLine } },
      ],
      ["delete /api/v1/direct/{nick}/messages/{seq}", () => `/api/v1/direct/bob/messages/${directLine}`, "alice"],
      ["post /api/v1/direct/{nick}/close", () => "/api/v1/direct/bob/close", "alice"],
      ["post /api/v1/direct/{nick}/open", () => "/api/v1/direct/bob/open", "alice"],
      ["get /api/v1/audit-log", () => "/api/v1/audit-log?limit=5", "root"],
      ["post /api/v1/tokens", () => "/api/v1/tokens", "alice", { body: { name: "ci", scopes: ["read"] } }, 201],
      ["get /api/v1/tokens", () => "/api/v1/tokens", "alice"],
      ["delete /api/v1/tokens/{tokenId}", () => `/api/v1/tokens/${tokenId}`, "alice"],
      ["post /api/v1/bots", () => "/api/v1/bots", "alice", { body: { name: "dicebot" } }, 201],
      ["get /api/v1/bots", () => "/api/v1/bots", "alice"],
      ["put /api/v1/channels/{channel}/membership", () => "/api/v1/channels/hooks/membership", "alice"],
      [
        "post /api/v1/channels/{channel}/webhooks",
        () => "/api/v1/channels/hooks/webhooks",
        "alice",
        // A public address literal: these machines resolve no public names.
        { body: { url: "https://93.184.215.14/hook" } },
        201,
      ],
      [
        "post /api/v1/channels/{channel}/webhooks/incoming",
        () => "/api/v1/channels/hooks/webhooks/incoming",
        "alice",
        { body: { name: "deploybot" } },
        201,
      ],
      ["get /api/v1/channels/{channel}/webhooks", () => "/api/v1/channels/hooks/webhooks", "alice"],
      ["post /api/v1/hooks/{webhookId}/{secret}", () => hookPath, null, { body: { text: "deployed" } }, 201],
      [
        "post /api/v1/hooks/{webhookId}/{secret}",
        () => `${hookPath}x`,
        null,
        { body: { text: "a wrong secret" } },
        404,
      ],
      ["get /api/v1/webhooks/{webhookId}/deliveries", () => `/api/v1/webhooks/${webhookId}/deliveries`, "alice"],
      ["delete /api/v1/webhooks/{webhookId}", () => `/api/v1/webhooks/${webhookId}`, "alice"],
      ["put /api/v1/me/away", () => "/api/v1/me/away", "alice", { body: { message: "lunch" } }],
      ["get /api/v1/users/{nick}", () => "/api/v1/users/alice", "bob"],
      ["delete /api/v1/me/away", () => "/api/v1/me/away", "alice"],
      ["put /api/v1/me/ignores/{nick}", () => "/api/v1/me/ignores/bob", "alice"],
      ["get /api/v1/me/ignores", () => "/api/v1/me/ignores", "alice"],
      ["delete /api/v1/me/ignores/{nick}", () => "/api/v1/me/ignores/bob", "alice"],
      ["patch /api/v1/me/settings", () => "/api/v1/me/settings", "alice", { body: { theme: "dark" } }],
      ["get /api/v1/me/settings", () => "/api/v1/me/settings", "alice"],
      ["delete /api/v1/sessions/current", () => "/api/v1/sessions/current", "carol"],
    ];
    // The event stream never ends: it has a test of its own below.
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => keyOf(m, path)))
      .filter((key) => key !== EVENTS_KEY);
    expect([...new Set(calls.map(([key]) => key))].sort()).toEqual([...documented].sort());

    for (const [key, path, caller, options = {}, status = 200] of calls) {
      const method = key.split(" ")[0] ?? "";
      const token = caller === null ? undefined : tokens[caller];
      const answer = await request(server.url, method.toUpperCase(), path(), {
        ...options,
        ...(token ? { token } : {}),
      });
      expect(answer.status, `${key}: ${answer.text}`).toBe(status);
      validate(answer, key);
      // The refusal of the same call without a token is documented and well-formed, too.
      if (caller !== null) validate(await request(server.url, method.toUpperCase(), path(), options), key);
      if (key === "post /api/v1/channels/{channel}/messages") line = seqOf(answer);
      if (key === "post /api/v1/direct/{nick}/messages") directLine = seqOf(answer);
      if (key === "post /api/v1/channels/{channel}/files")
        fileId = (answer.body as { message: Message }).message.meta.attachment?.fileId ?? "";
      if (key === "post /api/v1/tokens") tokenId = (answer.body as { info: { id: string } }).info.id;
      if (key === "post /api/v1/channels/{channel}/webhooks")
        webhookId = (answer.body as { webhook: { id: string } }).webhook.id;
      if (key === "post /api/v1/channels/{channel}/webhooks/incoming") hookPath = (answer.body as { url: string }).url;
    }
    // Some 120 real requests in a row: on a loaded machine with PostgreSQL they outlast the default.
  }, 120_000);

  it("documents the event stream as it answers: an event stream, or a documented refusal", async () => {
    validate(await request(server.url, "GET", "/api/v1/events"), EVENTS_KEY);
    const bad = await request(server.url, "GET", "/api/v1/events", {
      token: tokens.alice,
      headers: { "last-event-id": "not a position" },
    });
    validate(bad, EVENTS_KEY);
    const abort = new AbortController();
    const stream = await fetch(`${server.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${tokens.alice ?? ""}` },
      signal: abort.signal,
    });
    const operation = doc.paths["/api/v1/events"]?.get;
    expect(Object.keys(operation?.responses["200"]?.content ?? {})).toEqual(["text/event-stream"]);
    expect([stream.status, stream.headers.get("content-type")?.split(";")[0]]).toEqual([200, "text/event-stream"]);
    abort.abort();
  });

  it("is readable on a reference page that loads only this server's files, under its CSP", async () => {
    const page = await request(server.url, "GET", "/api/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    // Every script is a file of this server's: the CSP forbids inline ones.
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset.startsWith("/api/docs/"), asset).toBe(true);
      const served = await fetch(`${server.url}${asset}`);
      expect(served.status, asset).toBe(200);
      expect(served.headers.get("content-type"), asset).toMatch(/^text\/(css|javascript)/);
    }
    const start = await (await fetch(`${server.url}/api/docs/start.js`)).text();
    expect(start).toContain('"/api/openapi.json"');
  });
});
