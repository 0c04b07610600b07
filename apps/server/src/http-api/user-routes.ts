import { clientEvents, nickSchema } from "@canaduck/contract";
import { z } from "zod";
import type { RouteSpec } from "./route-spec";

const sessionState = clientEvents["session:state"].result;
const aboutUser = z.strictObject({ nick: nickSchema });

/** A read of one part of the session's state (`ignored`, `settings`), the rest left out. */
const sessionPart = (key: "ignored" | "settings"): Pick<RouteSpec, "event" | "etag" | "payload" | "present"> => ({
  event: "session:state",
  etag: true,
  payload: () => ({}),
  present: {
    schema: z.object({ [key]: sessionState.shape[key] }),
    from: (data) => ({ [key]: sessionState.parse(data)[key] }),
  },
});

/** One's away message, ignore list and settings, and what one may know of another user. */
export const userRoutes: RouteSpec[] = [
  {
    method: "put",
    path: "/me/away",
    event: "user:away",
    tag: "users",
    summary: "Mark yourself away with a message others see (in whois and beside your nick).",
    body: z.strictObject({ message: clientEvents["user:away"].payload.shape.message.unwrap() }),
    payload: ({ body }) => body,
  },
  {
    method: "delete",
    path: "/me/away",
    event: "user:away",
    tag: "users",
    summary: "Back: clear your away message.",
    payload: () => ({}),
  },
  {
    method: "get",
    path: "/users/{nick}",
    event: "user:whois",
    tag: "users",
    summary: clientEvents["user:whois"].summary.replace("/whois: ", ""),
    params: aboutUser,
    payload: ({ params }) => ({ nick: params.nick }),
  },
  {
    method: "get",
    path: "/me/ignores",
    tag: "users",
    summary: "The users you ignore (their lines are hidden on every device).",
    ...sessionPart("ignored"),
  },
  {
    method: "put",
    path: "/me/ignores/{nick}",
    event: "user:ignore",
    tag: "users",
    summary: "Ignore a user; answers the whole list.",
    params: aboutUser,
    payload: ({ params }) => ({ nick: params.nick }),
  },
  {
    method: "delete",
    path: "/me/ignores/{nick}",
    event: "user:unignore",
    tag: "users",
    summary: "See a user's lines again; answers the whole list.",
    params: aboutUser,
    payload: ({ params }) => ({ nick: params.nick }),
  },
  {
    method: "get",
    path: "/me/settings",
    tag: "users",
    summary: "Your preferences, kept on the server so every device agrees.",
    ...sessionPart("settings"),
  },
  {
    method: "patch",
    path: "/me/settings",
    event: "settings:update",
    tag: "users",
    summary: clientEvents["settings:update"].summary,
    body: clientEvents["settings:update"].payload,
    payload: ({ body }) => body,
  },
];
