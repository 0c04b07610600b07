import { clientEvents, PROTOCOL_VERSION } from "@canaduck/contract";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "hono";
import { idempotencyKeyHeader } from "./conversation-routes";
import { z } from "zod";
import { EVENTS_PATH } from "./events-route";
import { problemSchema } from "./problem";
import { responseSchemaOf, type RouteSpec } from "./route-spec";
import { describeFileRoutes } from "../files/file-routes-document";

/** An incoming webhook's request also carries its signature, when the hook is signed. */
const hookHeaders = idempotencyKeyHeader.extend({
  "x-canaduck-signature": z
    .string()
    .optional()
    .meta({ description: 'Signed hooks only: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>.' }),
});

/** Where the document is served. */
export const OPENAPI_PATH = "/api/openapi.json";

/** The refusals any route may answer; each carries the same code a Socket.IO ack would. */
const refusalsOf = (schema: typeof problemSchema) => {
  const problem = (description: string) => ({ description, content: { "application/problem+json": { schema } } });
  return {
    400: problem("Bad input: a malformed or unknown field, a bad path parameter (INVALID_PAYLOAD and the like)."),
    401: problem("No valid Bearer token (NOT_AUTHENTICATED, SESSION_EXPIRED, INVALID_CREDENTIALS)."),
    403: problem("Not allowed (FORBIDDEN, NOT_A_MEMBER, BANNED, INVITE_ONLY, SUSPENDED)."),
    404: problem("No such channel, user, message or route."),
    409: problem("In conflict with the current state (ALREADY_REACTED, NOT_BANNED, MESSAGE_DELETED …)."),
    413: problem("The body is over the size limit (FILE_TOO_LARGE for an upload)."),
    415: problem("The body is not JSON."),
    429: problem("RATE_LIMITED: wait Retry-After seconds (UPLOAD_QUOTA_EXCEEDED for an upload over the quota)."),
    500: problem("INTERNAL."),
    503: problem("UNAVAILABLE: the database is unreachable or the server is restarting; wait Retry-After seconds."),
  };
};

/** `get /channels/{channel}/members` → `getChannelsChannelMembers`: stable names for client generators. */
const operationIdOf = (route: RouteSpec): string =>
  route.method +
  route.path
    .replace(/[{}]/g, "")
    .replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, "");

/** Registers every route in the app's OpenAPI registry and serves the 3.1 document built from it. */
export function describeRoutes<E extends Env>(app: OpenAPIHono<E>, routes: readonly RouteSpec[]): void {
  const registry = app.openAPIRegistry;
  // One component every refusal refers to, rather than the schema repeated in every answer.
  const refusals = refusalsOf(registry.register("Problem", problemSchema));
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A session token from POST /api/v1/sessions (the one a Socket.IO handshake presents).",
  });
  for (const route of routes) {
    registry.registerPath({
      method: route.method,
      path: `/api/v1${route.path}`,
      operationId: operationIdOf(route),
      summary: route.summary,
      description: `Runs the \`${route.event}\` client event: ${clientEvents[route.event].summary}`,
      tags: [route.tag],
      ...(route.anonymous || route.actsAs !== undefined ? { security: [] } : { security: [{ bearer: [] }] }),
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(route.idempotencyKey
          ? { headers: route.actsAs === "incoming-hook" ? hookHeaders : idempotencyKeyHeader }
          : {}),
        ...(route.body ? { body: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
      },
      responses: {
        [route.status ?? 200]: {
          description: "Done: the event's result.",
          ...(route.etag ? { headers: { ETag: { schema: { type: "string" } } } } : {}),
          content: { "application/json": { schema: responseSchemaOf(route) } },
        },
        ...(route.etag ? { 304: { description: "Not modified since the ETag given in If-None-Match." } } : {}),
        ...refusals,
      },
    });
  }
  registry.registerPath({
    method: "get",
    path: `/api/v1${EVENTS_PATH}`,
    operationId: "getEvents",
    summary:
      "Server-Sent Events: every event a browser of this user receives, each log entry once; reconnect with Last-Event-ID to get exactly what was missed.",
    tags: ["events"],
    security: [{ bearer: [] }],
    request: {
      headers: z.object({
        "last-event-id": z
          .string()
          .optional()
          .meta({ description: "The `id:` of the last message received: the stream resumes after it." }),
      }),
    },
    responses: {
      200: {
        description:
          "A text/event-stream: `stream:ready` first, then the missed entries, then live events (`event:` the server event's name, `data:` its JSON payload).",
        content: { "text/event-stream": { schema: z.string() } },
      },
      ...refusals,
    },
  });
  describeFileRoutes(registry, refusals);
  app.doc31(OPENAPI_PATH, {
    openapi: "3.1.0",
    info: {
      title: "CanaDuck HTTP API",
      version: `v1 (protocol ${PROTOCOL_VERSION})`,
      description:
        "Each route runs one client event of the Socket.IO protocol through the same dispatcher, rate limits and authorization. Errors are application/problem+json with the protocol's error codes.",
    },
    servers: [{ url: "/" }],
  });
}
