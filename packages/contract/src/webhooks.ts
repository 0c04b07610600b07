import { z } from "zod";
import { userRefSchema } from "./models";
import { isoDateSchema, nickSchema, seqSchema, wellFormedStringSchema } from "./primitives";

/** Most webhooks (outgoing and incoming together) one channel may have. */
export const webhooksPerChannelMax = 10;
/** Longest outgoing webhook URL. */
export const webhookUrlMaxLength = 2048;
/** Most delivery log entries webhook:deliveries answers, and how many it answers by default. */
export const webhookDeliveriesMax = 100;
export const webhookDeliveriesDefault = 20;
/** How old a signed request's timestamp may be, either way, before it is refused as stale. */
export const webhookSignatureToleranceSeconds = 300;
/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const webhookSignatureHeader = "X-CanaDuck-Signature";
/** The header naming one delivery; the same on each of its retries, so a receiver can drop repeats. */
export const webhookDeliveryHeader = "X-CanaDuck-Delivery";

export const webhookIdSchema = wellFormedStringSchema(64).min(1);
export const webhookUrlSchema = wellFormedStringSchema(webhookUrlMaxLength).min(1, "a webhook needs a URL");

/**
 * A channel's webhook as its managers list it, never its secret (shown once, at creation).
 * outgoing: every new line of the channel is POSTed to `url`; incoming: `bot` posts what is
 * POSTed to its secret URL.
 */
export const webhookInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(["outgoing", "incoming"]),
  channel: z.string(),
  /** outgoing only. */
  url: z.string().optional(),
  /** incoming only: the bot account its posts appear as. */
  bot: userRefSchema.optional(),
  /** incoming only: requests must carry X-CanaDuck-Signature. */
  signed: z.boolean(),
  createdBy: z.string(),
  createdAt: isoDateSchema,
});
export type WebhookInfo = z.infer<typeof webhookInfoSchema>;

export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;

/** One entry of an outgoing webhook's delivery log: one log entry of the channel, with all its attempts. */
export const webhookDeliverySchema = z.object({
  id: z.string(),
  /** The seq of the channel's log entry delivered. */
  seq: seqSchema,
  status: z.enum(webhookDeliveryStatuses),
  attempts: z.number().int().nonnegative(),
  /** The HTTP status of the last attempt's answer; absent when it had none (refused, timed out). */
  lastStatus: z.number().int().optional(),
  /** Why the last attempt failed, when it did. */
  lastError: z.string().optional(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const incomingHookNameSchema = nickSchema;
