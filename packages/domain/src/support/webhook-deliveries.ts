import type { WebhookDelivery } from "@canaduck/contract";
import type { WebhookDeliveryRecord } from "../records";

export const toWebhookDelivery = (d: WebhookDeliveryRecord): WebhookDelivery => ({
  id: d.id,
  seq: d.seq,
  status: d.status,
  attempts: d.attempts,
  ...(d.lastStatus === null ? {} : { lastStatus: d.lastStatus }),
  ...(d.lastError === null ? {} : { lastError: d.lastError }),
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});
