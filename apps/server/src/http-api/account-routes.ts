import { clientEvents, limits, wellFormedStringSchema } from "@canaduck/contract";
import { z } from "zod";
import { defined, integerParam, numberOf, type RouteSpec } from "./route-spec";

const sessionState = clientEvents["session:state"].result;

/** Logging in and out, who one is, the audit log and search: routes about no one conversation. */
export const accountRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/sessions",
    event: "auth:login",
    tag: "sessions",
    summary:
      "Log in with name and password (the same account and argon2id check as the socket's auth:login); answers the bearer token.",
    anonymous: true,
    status: 201,
    body: clientEvents["auth:login"].payload.strict(),
    payload: ({ body }) => body,
  },
  {
    method: "delete",
    path: "/sessions/current",
    event: "auth:logout",
    tag: "sessions",
    summary: "Log out: this token stops working and the session's socket connections close.",
    payload: () => ({}),
  },
  {
    method: "get",
    path: "/me",
    event: "session:state",
    tag: "sessions",
    summary: "Who the token acts as, and the channels and direct conversations they are in, with read markers.",
    etag: true,
    payload: () => ({}),
  },
  {
    method: "get",
    path: "/direct",
    event: "session:state",
    tag: "direct",
    summary: "The direct conversations one is in (each named by the other person's nick in `peer`).",
    etag: true,
    payload: () => ({}),
    present: {
      schema: z.object({ conversations: sessionState.shape.channels }),
      from: (data) => ({
        conversations: sessionState.parse(data).channels.filter((channel) => channel.kind === "direct"),
      }),
    },
  },
  {
    method: "get",
    path: "/audit-log",
    event: "audit:log",
    tag: "moderation",
    summary: "The newest entries of the audit log (server admins).",
    query: z.strictObject({ limit: integerParam.optional() }),
    payload: ({ query }) => defined({ limit: numberOf(query.limit) }),
  },
  {
    method: "get",
    path: "/search",
    event: "search:query",
    tag: "messages",
    summary: clientEvents["search:query"].summary.replace("/search: ", "Search: "),
    query: z.strictObject({
      q: z.string().max(limits.searchQueryMaxLength),
      before: wellFormedStringSchema(100).optional(),
      limit: integerParam.optional(),
    }),
    payload: ({ query }) => defined({ query: query.q, before: query.before, limit: numberOf(query.limit) }),
  },
];
