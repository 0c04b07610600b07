import { clientEvents, nickSchema } from "@canaduck/contract";
import { z } from "zod";
import type { RouteSpec } from "./route-spec";

const sessionState = clientEvents["session:state"].result;
const aboutUser = z.strictObject({ nick: nickSchema });

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
    event: "session:state",
    tag: "users",
    summary: "The users you ignore (their lines are hidden on every device).",
    etag: true,
    payload: () => ({}),
    present: {
      schema: z.object({ ignored: sessionState.shape.ignored }),
      from: (data) => ({ ignored: sessionState.parse(data).ignored }),
    },
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
    event: "session:state",
    tag: "users",
    summary: "Your preferences, kept on the server so every device agrees.",
    etag: true,
    payload: () => ({}),
    present: {
      schema: z.object({ settings: sessionState.shape.settings }),
      from: (data) => ({ settings: sessionState.parse(data).settings }),
    },
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
