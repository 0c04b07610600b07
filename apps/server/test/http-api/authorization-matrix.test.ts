import type { ErrorCode, Message, TokenScope } from "@canaduck/contract";
import { scopeNeeded } from "@canaduck/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRoutes } from "../../src/http-api/route-table";
import { TestServer, type ChatClient } from "../harness";
import { copiesOf, type DatabaseCopy } from "./database-copies";
import { codeOf, request, type RequestOptions } from "./http-client";

const personRoles = ["anonymous", "member", "operator", "owner", "admin", "banned", "nonMember"] as const;
type PersonRole = (typeof personRoles)[number];
/**
 * The scope columns: API tokens with one scope each, of the owner (who may do every channel
 * thing) or, for the admin scope, of the admin. Each gets what its account gets where its scope
 * covers the route's event (commandScopes), and INSUFFICIENT_SCOPE everywhere else.
 */
const tokenRoles = {
  readToken: { scope: "read", of: "owner" },
  writeToken: { scope: "write", of: "owner" },
  moderateToken: { scope: "moderate", of: "owner" },
  adminToken: { scope: "admin", of: "admin" },
} as const satisfies Record<string, { scope: TokenScope; of: PersonRole }>;
type TokenRole = keyof typeof tokenRoles;
const roles = [...personRoles, ...(Object.keys(tokenRoles) as TokenRole[])];
type Role = PersonRole | TokenRole;
const modes = ["public", "inviteOnly"] as const;
type Mode = (typeof modes)[number];
type Verdict = ErrorCode | "ok";
type Cell = Verdict | Record<Mode, Verdict>;
type Row = Record<PersonRole, Cell>;

// The same verdicts the domain's authorization matrix holds each event to (expected-access.ts):
// over HTTP each route must answer what its event answers over a socket, as a status and code.
const NA = "NOT_AUTHENTICATED";
const both = (publicVerdict: Verdict, inviteOnly: Verdict): Cell => ({ public: publicVerdict, inviteOnly });
const loggedIn = (verdict: Verdict): Row => ({
  anonymous: NA,
  member: verdict,
  operator: verdict,
  owner: verdict,
  admin: verdict,
  banned: verdict,
  nonMember: verdict,
});
const anyUser = loggedIn("ok");
const adminOnly: Row = { ...loggedIn("FORBIDDEN"), admin: "ok" };
const viewer: Row = {
  ...anyUser,
  admin: both("ok", "NOT_A_MEMBER"),
  banned: "BANNED",
  nonMember: both("ok", "NOT_A_MEMBER"),
};
const memberOnly: Row = { ...anyUser, admin: "NOT_A_MEMBER", banned: "BANNED", nonMember: "NOT_A_MEMBER" };
const operatorOnly: Row = { ...memberOnly, member: "FORBIDDEN", admin: "ok" };
/** A channel's webhooks: its owner and server admins. */
const ownerOrAdmin: Row = { ...loggedIn("FORBIDDEN"), owner: "ok", admin: "ok" };
/** One webhook by id: to anyone else it does not exist. */
const hookManagers: Row = { ...loggedIn("NO_SUCH_WEBHOOK"), owner: "ok", admin: "ok" };
/** A public address literal: passes the private-address check with no DNS (these machines have none). */
const PUBLIC_TARGET = "https://93.184.215.14/hook";

/** The status each verdict must come with: the HTTP reading of the protocol's codes. */
const statusOf: Partial<Record<Verdict, number>> = {
  NOT_AUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_A_MEMBER: 403,
  BANNED: 403,
  INVITE_ONLY: 403,
  INSUFFICIENT_SCOPE: 403,
  NO_SUCH_TOKEN: 404,
  NO_SUCH_WEBHOOK: 404,
};

/** #dev as the domain's matrix casts it, on a real server, plus each role's direct line to tina. */
interface Cast {
  tokens: Record<Exclude<Role, "anonymous">, string>;
  ownerLine: number;
  tinaLine: number;
  /** Each role's own line in its direct conversation with tina, which it reacted 👍 to. */
  directLine: Record<Exclude<PersonRole, "anonymous">, number>;
  /** olive's outgoing webhook of #dev, and the path of her incoming one. */
  outgoingHookId: string;
  incomingHookPath: string;
}

interface Call {
  path: string;
  options?: RequestOptions;
}
interface Case {
  expected: Row;
  /** Each allowed role acts on a copy of its own: the first success would change what the next one meets. */
  fresh?: boolean;
  /** The route does not act as the caller (an incoming hook's URL is its own credential): no scope applies. */
  ignoresCaller?: true;
  call(cast: Cast, role: Role, mode: Mode): Call;
}

const tada = encodeURIComponent("🎉");
const thumbs = encodeURIComponent("👍");
/** Whose account a column acts as: a token's holder, or the role itself. */
const accountOf = (role: Role): PersonRole =>
  role in tokenRoles ? tokenRoles[role as TokenRole].of : (role as PersonRole);
const dm = (cast: Cast, role: Role) => {
  const account = accountOf(role);
  return account === "anonymous" ? 1 : cast.directLine[account];
};

/** Every route of /api/v1, called as each role: `method path` → the case. */
const cases: Record<string, Case> = {
  "post /sessions": {
    // Logging in needs no token; one held already does not stand in the way.
    expected: { ...anyUser, anonymous: "ok" },
    call: () => ({ path: "/sessions", options: { body: { name: "tina", password: "correct horse battery" } } }),
  },
  "delete /sessions/current": { expected: anyUser, call: () => ({ path: "/sessions/current" }) },
  "get /me": { expected: anyUser, call: () => ({ path: "/me" }) },
  "get /direct": { expected: anyUser, call: () => ({ path: "/direct" }) },
  "get /audit-log": { expected: adminOnly, call: () => ({ path: "/audit-log" }) },
  "get /search": { expected: anyUser, call: () => ({ path: "/search?q=hello" }) },
  "get /channels": { expected: anyUser, call: () => ({ path: "/channels" }) },
  "get /channels/{channel}": { expected: viewer, call: () => ({ path: "/channels/dev" }) },
  "put /channels/{channel}/membership": {
    expected: { ...anyUser, banned: "BANNED", nonMember: both("ok", "INVITE_ONLY") },
    call: () => ({ path: "/channels/dev/membership" }),
  },
  "delete /channels/{channel}/membership": { expected: memberOnly, call: () => ({ path: "/channels/dev/membership" }) },
  "put /channels/{channel}/topic": {
    expected: operatorOnly,
    call: () => ({ path: "/channels/dev/topic", options: { body: { topic: "new topic" } } }),
  },
  "put /channels/{channel}/mode": {
    expected: operatorOnly,
    fresh: true,
    call: (_c, _r, mode) => ({ path: "/channels/dev/mode", options: { body: { inviteOnly: mode === "public" } } }),
  },
  "get /channels/{channel}/members": { expected: viewer, call: () => ({ path: "/channels/dev/members" }) },
  "post /channels/{channel}/invites": {
    expected: operatorOnly,
    fresh: true,
    call: () => ({ path: "/channels/dev/invites", options: { body: { nick: "ivy" } } }),
  },
  "post /channels/{channel}/kicks": {
    expected: operatorOnly,
    fresh: true,
    call: () => ({ path: "/channels/dev/kicks", options: { body: { nick: "tina" } } }),
  },
  "post /channels/{channel}/bans": {
    expected: operatorOnly,
    fresh: true,
    call: () => ({ path: "/channels/dev/bans", options: { body: { nick: "tina" } } }),
  },
  "get /channels/{channel}/bans": { expected: operatorOnly, call: () => ({ path: "/channels/dev/bans" }) },
  "delete /channels/{channel}/bans/{nick}": {
    expected: operatorOnly,
    fresh: true,
    call: () => ({ path: "/channels/dev/bans/bart" }),
  },
  "put /channels/{channel}/operators/{nick}": {
    expected: operatorOnly,
    fresh: true,
    call: () => ({ path: "/channels/dev/operators/tina" }),
  },
  "delete /channels/{channel}/operators/{nick}": {
    // An operator cannot act on an equal: only the owner (or an admin) deops opal.
    expected: { ...operatorOnly, operator: "FORBIDDEN" },
    fresh: true,
    call: () => ({ path: "/channels/dev/operators/opal" }),
  },
  "get /channels/{channel}/messages": { expected: viewer, call: () => ({ path: "/channels/dev/messages" }) },
  "post /channels/{channel}/messages": {
    expected: memberOnly,
    call: () => ({ path: "/channels/dev/messages", options: { body: { text: "hello" } } }),
  },
  "patch /channels/{channel}/messages/{seq}": {
    // Only the author edits.
    expected: { ...memberOnly, member: "FORBIDDEN", operator: "FORBIDDEN" },
    call: (c) => ({ path: `/channels/dev/messages/${c.ownerLine}`, options: { body: { text: "edited" } } }),
  },
  "delete /channels/{channel}/messages/{seq}": {
    expected: operatorOnly,
    fresh: true,
    call: (c) => ({ path: `/channels/dev/messages/${c.tinaLine}` }),
  },
  "put /channels/{channel}/messages/{seq}/reactions/{emoji}": {
    expected: memberOnly,
    call: (c) => ({ path: `/channels/dev/messages/${c.ownerLine}/reactions/${tada}` }),
  },
  "delete /channels/{channel}/messages/{seq}/reactions/{emoji}": {
    expected: memberOnly,
    call: (c) => ({ path: `/channels/dev/messages/${c.ownerLine}/reactions/${thumbs}` }),
  },
  "put /channels/{channel}/read-marker": {
    expected: memberOnly,
    call: (c) => ({ path: "/channels/dev/read-marker", options: { body: { seq: c.ownerLine } } }),
  },
  // A direct conversation is its two people's alone, whatever their standing in #dev.
  "get /direct/{nick}/messages": { expected: anyUser, call: () => ({ path: "/direct/tina/messages" }) },
  "post /direct/{nick}/messages": {
    expected: anyUser,
    call: () => ({ path: "/direct/tina/messages", options: { body: { text: "hi tina" } } }),
  },
  "patch /direct/{nick}/messages/{seq}": {
    expected: anyUser,
    call: (c, r) => ({ path: `/direct/tina/messages/${dm(c, r)}`, options: { body: { text: "edited" } } }),
  },
  "delete /direct/{nick}/messages/{seq}": {
    expected: anyUser,
    call: (c, r) => ({ path: `/direct/tina/messages/${dm(c, r)}` }),
  },
  "put /direct/{nick}/messages/{seq}/reactions/{emoji}": {
    expected: anyUser,
    call: (c, r) => ({ path: `/direct/tina/messages/${dm(c, r)}/reactions/${tada}` }),
  },
  "delete /direct/{nick}/messages/{seq}/reactions/{emoji}": {
    expected: anyUser,
    call: (c, r) => ({ path: `/direct/tina/messages/${dm(c, r)}/reactions/${thumbs}` }),
  },
  "put /direct/{nick}/read-marker": {
    expected: anyUser,
    call: (c, r) => ({ path: "/direct/tina/read-marker", options: { body: { seq: dm(c, r) } } }),
  },
  "post /direct/{nick}/close": { expected: anyUser, call: () => ({ path: "/direct/tina/close" }) },
  "post /direct/{nick}/open": { expected: anyUser, call: () => ({ path: "/direct/tina/open" }) },
  // Tokens and bots are one's own: every user may make them, none may touch another's.
  "post /tokens": {
    expected: anyUser,
    call: () => ({ path: "/tokens", options: { body: { name: "ci", scopes: ["read", "write"] } } }),
  },
  "get /tokens": { expected: anyUser, call: () => ({ path: "/tokens" }) },
  "delete /tokens/{tokenId}": {
    expected: loggedIn("NO_SUCH_TOKEN"),
    call: () => ({ path: "/tokens/not-a-token-of-mine" }),
  },
  "post /channels/{channel}/webhooks": {
    expected: ownerOrAdmin,
    call: () => ({ path: "/channels/dev/webhooks", options: { body: { url: PUBLIC_TARGET } } }),
  },
  "post /channels/{channel}/webhooks/incoming": {
    expected: ownerOrAdmin,
    fresh: true,
    call: (_c, role) => ({ path: "/channels/dev/webhooks/incoming", options: { body: { name: `${role}hook` } } }),
  },
  "get /channels/{channel}/webhooks": { expected: ownerOrAdmin, call: () => ({ path: "/channels/dev/webhooks" }) },
  "delete /webhooks/{webhookId}": {
    expected: hookManagers,
    fresh: true,
    call: (c) => ({ path: `/webhooks/${c.outgoingHookId}` }),
  },
  "get /webhooks/{webhookId}/deliveries": {
    expected: hookManagers,
    call: (c) => ({ path: `/webhooks/${c.outgoingHookId}/deliveries` }),
  },
  "post /hooks/{webhookId}/{secret}": {
    // The URL is the credential: whoever holds it posts as the bot, whatever token comes along.
    expected: { ...anyUser, anonymous: "ok" },
    ignoresCaller: true,
    call: (c) => ({ path: c.incomingHookPath.replace(/^\/api\/v1/, ""), options: { body: { text: "deployed" } } }),
  },
  "post /bots": {
    expected: anyUser,
    fresh: true,
    call: (_c, role) => ({ path: "/bots", options: { body: { name: `${role}bot` } } }),
  },
  "get /bots": { expected: anyUser, call: () => ({ path: "/bots" }) },
  "put /me/away": { expected: anyUser, call: () => ({ path: "/me/away", options: { body: { message: "at lunch" } } }) },
  "delete /me/away": { expected: anyUser, call: () => ({ path: "/me/away" }) },
  "get /users/{nick}": { expected: anyUser, call: () => ({ path: "/users/tina" }) },
  "get /me/ignores": { expected: anyUser, call: () => ({ path: "/me/ignores" }) },
  "put /me/ignores/{nick}": { expected: anyUser, fresh: true, call: () => ({ path: "/me/ignores/ivy" }) },
  "delete /me/ignores/{nick}": { expected: anyUser, fresh: true, call: () => ({ path: "/me/ignores/ivy" }) },
  "get /me/settings": { expected: anyUser, call: () => ({ path: "/me/settings" }) },
  "patch /me/settings": {
    expected: anyUser,
    call: () => ({ path: "/me/settings", options: { body: { theme: "dark" } } }),
  },
};

const routeOf = (key: string) => {
  const route = apiRoutes.find((r) => `${r.method} ${r.path}` === key);
  if (route === undefined) throw new Error(`no route ${key}`);
  return route;
};

/** The scope a route's event needs with the payload the case sends (setting a topic moderates; reading it reads). */
function scopeOf(key: string, call: Call): ReturnType<typeof scopeNeeded> {
  const route = routeOf(key);
  const body = (call.options?.body ?? {}) as Record<string, unknown>;
  const payload = route.payload({ params: {}, query: {}, body, idempotencyKey: undefined });
  return scopeNeeded(route.event, payload as never);
}

const verdictFor = (row: Row, role: Role, mode: Mode, need: () => ReturnType<typeof scopeNeeded>): Verdict => {
  if (role in tokenRoles) {
    const { scope, of } = tokenRoles[role as TokenRole];
    const covered = need() === "any" || need() === scope;
    return covered ? verdictFor(row, of, mode, need) : "INSUFFICIENT_SCOPE";
  }
  const cell = row[role as PersonRole];
  return typeof cell === "string" ? cell : cell[mode];
};

/** Sets #dev up as castFor does in the domain's matrix, through the socket API of a real server. */
async function castOn(server: TestServer, mode: Mode): Promise<Cast> {
  const root = await server.admin("root");
  const [olive, oscar, opal, mia, tina, bart, nora] = await Promise.all(
    ["olive", "oscar", "opal", "mia", "tina", "bart", "nora"].map((name) => server.user(name)),
  );
  await server.user("ivy");
  if (!olive || !oscar || !opal || !mia || !tina || !bart || !nora) throw new Error("the cast is incomplete");
  await olive.do("channel:join", { channel: "#dev" });
  for (const member of [oscar, opal, mia, tina, bart]) await member.do("channel:join", { channel: "#dev" });
  await olive.do("channel:op", { channel: "#dev", nick: "oscar" });
  await olive.do("channel:op", { channel: "#dev", nick: "opal" });
  await olive.do("channel:ban", { channel: "#dev", nick: "bart" });
  const said = await olive.do("message:send", { target: "#dev", text: "only for those inside" });
  const tinas = await tina.do("message:send", { target: "#dev", text: "tina says hi" });
  for (const reactor of [olive, oscar, mia])
    await reactor.do("message:react", { target: "#dev", seq: said.message.seq, emoji: "👍" });
  if (mode === "inviteOnly") await olive.do("channel:mode", { channel: "#dev", inviteOnly: true });
  const as: Record<Exclude<PersonRole, "anonymous">, ChatClient> = {
    member: mia,
    operator: oscar,
    owner: olive,
    admin: root,
    banned: bart,
    nonMember: nora,
  };
  const directLine = {} as Cast["directLine"];
  for (const [role, client] of Object.entries(as) as Array<[Exclude<PersonRole, "anonymous">, ChatClient]>) {
    const line: Message = (await client.do("message:send", { target: "tina", text: `from ${client.name}` })).message;
    await client.do("message:react", { target: "tina", seq: line.seq, emoji: "👍" });
    directLine[role] = line.seq;
  }
  const scoped = async (role: TokenRole) => {
    const { scope, of } = tokenRoles[role];
    return (await as[of as Exclude<PersonRole, "anonymous">].do("token:create", { name: role, scopes: [scope] })).token;
  };
  const tokenEntries = await Promise.all(
    (Object.keys(tokenRoles) as TokenRole[]).map(async (role) => [role, await scoped(role)]),
  );
  const tokens = Object.fromEntries([
    ...Object.entries(as).map(([role, c]) => [role, c.token]),
    ...tokenEntries,
  ]) as Cast["tokens"];
  const outgoing = await olive.do("webhook:create", { channel: "#dev", url: PUBLIC_TARGET });
  const incoming = await olive.do("webhook:create-incoming", { channel: "#dev", name: "deploybot" });
  return {
    tokens,
    ownerLine: said.message.seq,
    tinaLine: tinas.message.seq,
    directLine,
    outgoingHookId: outgoing.webhook.id,
    incomingHookPath: incoming.url,
  };
}

/** Opens GET /api/v1/events and closes it once answered: its verdict, as the routes' are read. */
async function openStream(url: string, token: string | undefined): Promise<{ code: string; status: number }> {
  const stop = new AbortController();
  const response = await fetch(`${url}/api/v1/events`, {
    headers: { accept: "text/event-stream", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    signal: stop.signal,
  });
  if (response.ok) {
    const streaming = response.headers.get("content-type")?.startsWith("text/event-stream") === true;
    stop.abort();
    return { code: streaming ? "ok" : "not an event stream", status: response.status };
  }
  const body = (await response.json().catch(() => ({}))) as { code?: string };
  return { code: body.code ?? `HTTP ${response.status} without a code`, status: response.status };
}

/**
 * Every route × every role × both channel modes, over real HTTP: each answer is the verdict the
 * domain's matrix gives the route's event, with its status. Each cell starts from a copy of the
 * same database, so no route's success changes what another meets.
 */
describe("authorization matrix over HTTP", () => {
  it("has a case for every route", () => {
    expect(Object.keys(cases).sort()).toEqual(apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
  });

  for (const mode of modes) {
    describe(`in a ${mode} channel`, () => {
      let template: TestServer;
      let cast: Cast;
      let copy: () => Promise<DatabaseCopy>;
      beforeAll(async () => {
        template = await new TestServer({ RATE_LIMITS: "off" }).start();
        cast = await castOn(template, mode);
        await template.stop();
        copy = copiesOf(await template.databaseUrl());
      }, 60_000);
      afterAll(() => template.dispose());

      /** A server on a fresh copy of the cast's database, for `work`. */
      const onCopy = async <T>(work: (url: string) => Promise<T>): Promise<T> => {
        const database = await copy();
        const server = await new TestServer({ RATE_LIMITS: "off", DATABASE_URL: database.url }).start();
        try {
          return await work(server.url);
        } finally {
          await server.dispose();
          await database.drop();
        }
      };

      const methodOf = (key: string) => (key.split(" ")[0] ?? "").toUpperCase();
      const answer = async (url: string, key: string, role: Role) => {
        const { path, options = {} } = cases[key]?.call(cast, role, mode) ?? { path: "" };
        const token = role === "anonymous" ? undefined : cast.tokens[role];
        const got = await request(url, methodOf(key), `/api/v1${path}`, { ...options, ...(token ? { token } : {}) });
        return { code: codeOf(got), status: got.status };
      };

      // The event stream is no route of the table: it opens with session:sync, so it needs what that needs.
      it("get /events", async () => {
        const need = () => scopeNeeded("session:sync", { conversations: [] });
        const expected = Object.fromEntries(roles.map((role) => [role, verdictFor(anyUser, role, mode, need)]));
        const got = await onCopy(async (url) => {
          const answers: Record<string, { code: string; status: number }> = {};
          for (const role of roles)
            answers[role] = await openStream(url, role === "anonymous" ? undefined : cast.tokens[role]);
          return answers;
        });
        expect(Object.fromEntries(roles.map((r) => [r, got[r]?.code]))).toEqual(expected);
        for (const role of roles) {
          const verdict = expected[role] as Verdict;
          expect(got[role]?.status, `${role}: ${verdict}`).toBe(verdict === "ok" ? 200 : statusOf[verdict]);
        }
      });

      it.each(Object.keys(cases))("%s", async (key) => {
        const spec = cases[key];
        if (!spec) throw new Error(key);
        const need = () => (spec.ignoresCaller ? "any" : scopeOf(key, spec.call(cast, "owner", mode)));
        const expected = Object.fromEntries(roles.map((role) => [role, verdictFor(spec.expected, role, mode, need)]));
        const got: Record<string, { code: string; status: number }> = {};
        // Refusals change nothing (the domain's matrix proves it), so they share one copy, and go first.
        // A token acts as an account an earlier column already is, so each allowed token gets a copy of its own.
        const allowed = roles.filter((role) => expected[role] === "ok" && !(role in tokenRoles));
        const allowedTokens = roles.filter((role) => expected[role] === "ok" && role in tokenRoles);
        await onCopy(async (url) => {
          for (const role of roles.filter((r) => expected[r] !== "ok")) got[role] = await answer(url, key, role);
          for (const role of spec.fresh ? allowed.slice(0, 1) : allowed) got[role] = await answer(url, key, role);
        });
        const ownCopy = [...(spec.fresh ? allowed.slice(1) : []), ...allowedTokens];
        for (const role of ownCopy) got[role] = await onCopy((url) => answer(url, key, role));
        expect(Object.fromEntries(roles.map((r) => [r, got[r]?.code]))).toEqual(expected);
        const route = apiRoutes.find((r) => `${r.method} ${r.path}` === key);
        for (const role of roles) {
          const verdict = expected[role] as Verdict;
          const status = verdict === "ok" ? (route?.status ?? 200) : statusOf[verdict];
          expect(got[role]?.status, `${role}: ${verdict}`).toBe(status);
        }
      });
    });
  }
});
