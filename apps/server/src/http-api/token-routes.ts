import { clientEvents, nickSchema } from "@canaduck/contract";
import { z } from "zod";
import { defined, type RouteSpec } from "./route-spec";

const tokenIdParam = z.strictObject({ tokenId: clientEvents["token:revoke"].payload.shape.tokenId });

/**
 * Tokens for programs and the bot accounts that hold them. Creating either needs a password
 * login's token (the dispatcher's scope check refuses an API token), so a leaked token cannot
 * mint a wider one.
 */
export const tokenRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/tokens",
    event: "token:create",
    tag: "tokens",
    summary: "Create an API token with scopes, for yourself or one of your bots; the secret is in this answer only.",
    status: 201,
    body: clientEvents["token:create"].payload.strict(),
    payload: ({ body }) => body,
  },
  {
    method: "get",
    path: "/tokens",
    event: "token:list",
    tag: "tokens",
    summary: clientEvents["token:list"].summary,
    query: z.strictObject({ bot: nickSchema.optional() }),
    payload: ({ query }) => defined({ bot: query.bot }),
  },
  {
    method: "delete",
    path: "/tokens/{tokenId}",
    event: "token:revoke",
    tag: "tokens",
    summary: "Revoke a token: its next request is refused and its live connections close.",
    params: tokenIdParam,
    payload: ({ params }) => ({ tokenId: params.tokenId }),
  },
  {
    method: "post",
    path: "/bots",
    event: "bot:create",
    tag: "tokens",
    summary: "Create a bot account you own; give it tokens with POST /tokens and `bot`.",
    status: 201,
    body: clientEvents["bot:create"].payload.strict(),
    payload: ({ body }) => body,
  },
  {
    method: "get",
    path: "/bots",
    event: "bot:list",
    tag: "tokens",
    summary: clientEvents["bot:list"].summary,
    payload: () => ({}),
  },
];
