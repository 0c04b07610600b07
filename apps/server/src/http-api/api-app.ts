import type { IncomingMessage } from "node:http";
import { describeIssues, failedWith } from "@canaduck/domain";
import type { HttpBindings } from "@hono/node-server";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { HTTPException } from "hono/http-exception";
import type { ConnectReads } from "../realtime/connect-batches";
import { normalizeOrigin } from "../security/origin-guard";
import type { ChatError } from "@canaduck/contract";
import { webhookSignatureHeader } from "@canaduck/contract";
import { actorOf } from "./bearer";
import { hookSender, SeenSignatures, type HookSender } from "./hook-actor";
import { idempotencyKeyHeader } from "./conversation-routes";
import { describeRoutes } from "./openapi-document";
import { invalid, problemResponse } from "./problem";
import { readBody } from "./read-body";
import { apiRoutes } from "./route-table";
import type { RouteInput, RouteSpec } from "./route-spec";
import { runRoute, type RouteRunDeps } from "./run-route";
import { serveDocsPage } from "./docs-page";
import { EVENTS_PATH, serveEvents, type EventStreamDeps } from "./events-route";
import type { FileRouteDeps } from "../files/file-routes-deps";
import { registerFileRoutes } from "../files/file-routes";

export interface ApiDeps extends RouteRunDeps, EventStreamDeps, FileRouteDeps {
  reads: ConnectReads;
  /** The address per-address rate limits count a request under (X-Forwarded-For as configured). */
  addressOf(req: IncomingMessage): string;
  /** The origins a browser may call from: ALLOWED_ORIGINS, or the server's own by default. */
  allowedOrigins(): readonly string[];
}

/** Largest request body: as large as Socket.IO's largest event, above any valid payload. */
export const MAX_BODY_BYTES = 64 * 1024;

type Env = { Bindings: HttpBindings };

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/** Parses one request part with its schema, or answers the coded 400 naming what is wrong. */
function parsePart<T>(
  schema: z.ZodType<T>,
  value: unknown,
  part: string,
): { ok: true; data: T } | { ok: false; response: Response } {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, response: invalid(`Invalid ${part}: ${describeIssues(parsed.error)}`) };
}

/** For a part a route takes nothing in: any field given is an unknown one. */
const nothing = z.strictObject({});
const idempotencyKeyOnly = idempotencyKeyHeader.partial().loose();

/**
 * The handler of one route: the token, then each part of the request checked against its
 * schema, then the event's payload through the same command path as a socket's.
 */
function handlerOf(deps: ApiDeps, route: RouteSpec, seen: SeenSignatures) {
  return async (c: Context<Env>): Promise<Response> => {
    const params = parsePart(route.params ?? nothing, c.req.param(), "path");
    const sender = route.actsAs === "incoming-hook" ? await hookSenderOf(deps, seen, c, params) : null;
    if (sender !== null && "code" in sender) return problemResponse(sender);
    const actor =
      sender !== null
        ? sender.actor
        : route.anonymous
          ? ({ kind: "anonymous" } as const)
          : await actorOf(deps.reads, c.req.header("authorization"));
    if ("code" in actor) return problemResponse(actor);
    if (!params.ok) return params.response;
    const query = parsePart(route.query ?? nothing, c.req.query(), "query");
    if (!query.ok) return query.response;
    const headers = parsePart(idempotencyKeyOnly, c.req.header(), "headers");
    if (!headers.ok) return headers.response;
    let body: Record<string, unknown> = {};
    if (route.body) {
      const read = await readBody(c.req.raw, route.body);
      if (!read.ok) return read.response;
      body = read.body;
    }
    const input: RouteInput = {
      params: params.data,
      query: query.data,
      body,
      idempotencyKey: route.idempotencyKey ? headers.data["idempotency-key"] : undefined,
      ...(sender === null ? {} : { channel: sender.channel }),
    };
    const outcome = await runRoute(deps, actor, deps.addressOf(c.env.incoming), route.event, route.payload(input));
    if (!outcome.ack.ok) return problemResponse(outcome.ack.error);
    const data = route.present ? route.present.from(outcome.ack.data) : outcome.ack.data;
    const cache = route.etag ? "private, no-cache" : "no-store";
    return c.json(data as object, route.status ?? 200, { "Cache-Control": cache });
  };
}

/**
 * The bot an incoming webhook's request posts as, checked before its body is parsed: the hook
 * (id and secret), then its signature over the raw body. A bad path is a hook that does not exist.
 */
async function hookSenderOf(
  deps: ApiDeps,
  seen: SeenSignatures,
  c: Context<Env>,
  params: { ok: true; data: Record<string, string> } | { ok: false },
): Promise<HookSender | ChatError> {
  if (!params.ok) return { code: "NO_SUCH_WEBHOOK", message: "There is no incoming webhook at this URL." };
  return hookSender(deps.domain, seen, {
    webhookId: params.data.webhookId ?? "",
    secret: params.data.secret ?? "",
    signature: c.req.header(webhookSignatureHeader),
    // A copy: the body is read again, as JSON, by the route's schema.
    rawBody: await c.req.raw.clone().text(),
  });
}

/**
 * /api/v1 and its OpenAPI document and reference page, as one Hono app: Hono because it runs on
 * Node's own http server beside Socket.IO (through @hono/node-server), and its zod-openapi
 * registry builds an OpenAPI 3.1 document from the contract's own zod schemas.
 */
export function createApiApp(deps: ApiDeps): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  const allowed = (origin: string) => {
    const normalized = normalizeOrigin(origin);
    return normalized !== null && deps.allowedOrigins().some((entry) => normalizeOrigin(entry) === normalized);
  };
  // A page on another site is refused outright, not only kept from reading the answer.
  app.use("/api/*", async (c, next) => {
    const origin = c.req.header("origin");
    if (origin !== undefined && !allowed(origin))
      return problemResponse({ code: "FORBIDDEN", message: "This origin is not in ALLOWED_ORIGINS." });
    return next();
  });
  app.use(
    "/api/*",
    cors({
      origin: (origin) => (allowed(origin) ? origin : null),
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", webhookSignatureHeader],
      exposeHeaders: ["ETag", "Retry-After"],
      maxAge: 600,
    }),
  );
  // Registered before the JSON body limit, which they never reach: an upload has its own (UPLOAD_MAX_BYTES).
  registerFileRoutes(app, deps);
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => invalid(`The body is larger than ${MAX_BODY_BYTES} bytes.`, 413),
    }),
  );
  const seen = new SeenSignatures();
  for (const route of apiRoutes) {
    const path = `/api/v1${honoPath(route.path)}`;
    if (route.etag) app.on(route.method.toUpperCase(), path, etag());
    app.on(route.method.toUpperCase(), path, handlerOf(deps, route, seen));
  }
  app.get(`/api/v1${EVENTS_PATH}`, (c) => serveEvents(deps, c, deps.addressOf(c.env.incoming)));
  describeRoutes(app, apiRoutes);
  serveDocsPage(app);
  app.notFound(() => problemResponse({ code: "UNKNOWN_EVENT", message: "No such route; see /api/openapi.json." }));
  app.onError((error) => {
    if (error instanceof HTTPException && error.status < 500) return invalid(error.message, error.status);
    // Answered as a command that threw is answered (dispatch.ts): UNAVAILABLE for the database, else INTERNAL.
    const { ack } = failedWith(error);
    if (ack.ok || ack.error.code === "INTERNAL") {
      deps.logger.error({ err: error }, "HTTP API request failed");
      return problemResponse({ code: "INTERNAL", message: "Something went wrong on the server." });
    }
    return problemResponse(ack.error);
  });
  return app;
}
