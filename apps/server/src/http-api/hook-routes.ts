import { clientEvents, wellFormedStringSchema, webhookIdSchema } from "@canaduck/contract";
import { z } from "zod";
import { defined, type RouteSpec } from "./route-spec";

/**
 * An incoming webhook: a program POSTs `{ "text": … }` (Slack's shape; its other fields are
 * ignored) to the secret URL, and the hook's bot says it in the channel through message:send.
 */
export const hookRoutes: RouteSpec[] = [
  {
    method: "post",
    path: "/hooks/{webhookId}/{secret}",
    event: "message:send",
    tag: "webhooks",
    summary:
      "Say `text` in an incoming webhook's channel as its bot. The URL is the credential (no Bearer token); a signed hook also needs X-CanaDuck-Signature. An Idempotency-Key header is the send's clientId.",
    actsAs: "incoming-hook",
    // Any string: a malformed secret is a wrong one, answered 404 as an unknown hook is.
    params: z.strictObject({ webhookId: webhookIdSchema, secret: wellFormedStringSchema(256).min(1) }),
    body: z.looseObject({ text: clientEvents["message:send"].payload.shape.text }),
    idempotencyKey: true,
    status: 201,
    payload: (input) => defined({ target: input.channel, text: input.body.text, clientId: input.idempotencyKey }),
  },
];
