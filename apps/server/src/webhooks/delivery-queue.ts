import { randomInt } from "node:crypto";
import { webhookDeliveryHeader, webhookSignatureHeader, type Message } from "@canaduck/contract";
import type { Effect, Store, WebhookRecord } from "@canaduck/domain";
import type { WebhookConfig } from "../config";
import type { Logger } from "../logger";
import { timeOrderedId } from "../time-ordered-id";
import { OutgoingHooks } from "./outgoing-hooks";
import { attemptDelivery, type AttemptResult } from "./deliver";
import { signatureHeader } from "./signature";

/** Deliveries waiting for one webhook; beyond it, new ones are logged as failed at once. */
export const QUEUE_PER_HOOK = 100;
/** Attempts in flight at once across every webhook of this node. */
export const CONCURRENT_ATTEMPTS = 4;

interface Job {
  deliveryId: string;
  webhookId: string;
  seq: number;
  body: string;
  attempts: number;
}

interface HookQueue {
  jobs: Job[];
  /** An attempt is in flight, or the head waits for its retry: the hook's next job waits its turn. */
  busy: boolean;
}

type Attempt = typeof attemptDelivery;

/**
 * Outgoing webhook deliveries, off the send path: a committed entry is queued here after its
 * command answered, and nothing here is awaited by a command. Each hook has its own bounded
 * queue delivered in order, one attempt at a time, so a dead or slow receiver holds up only
 * itself; a few attempts run at once across all hooks. Each attempt is written to the delivery
 * log. The node that committed an entry delivers it (it alone applies that command's effects),
 * so on a cluster each entry goes out once per hook.
 */
export class WebhookDeliveries {
  private readonly queues = new Map<string, HookQueue>();
  private readonly ready: string[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly outgoing: OutgoingHooks;
  private running = 0;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly config: WebhookConfig,
    private readonly logger: Logger,
    private readonly attempt: Attempt = attemptDelivery,
  ) {
    this.outgoing = new OutgoingHooks(store);
  }

  /** Looks at a committed command's effects for new log entries of channels; never throws, never waits. */
  observe(effects: readonly Effect[]): void {
    if (this.closed) return;
    for (const effect of effects) {
      if (effect.type === "webhooks-changed") this.outgoing.changed();
      if (effect.type === "emit" && effect.event === "message:new" && "channel" in effect.to)
        this.entryCommitted(effect.payload).catch((error: unknown) =>
          this.logger.warn({ err: error }, "could not queue webhook deliveries"),
        );
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.queues.clear();
  }

  private async entryCommitted(message: Message): Promise<void> {
    const hooked = await this.outgoing.of(message.channelId);
    if (hooked === null) return;
    const { channel, hooks } = hooked;
    const body = JSON.stringify({ event: "message:new", channel: { id: channel.id, name: channel.name }, message });
    for (const hook of hooks) await this.enqueue(hook, message.seq, body);
  }

  private async enqueue(hook: WebhookRecord, seq: number, body: string): Promise<void> {
    const queue = this.queues.get(hook.id) ?? { jobs: [], busy: false };
    this.queues.set(hook.id, queue);
    const full = queue.jobs.length >= QUEUE_PER_HOOK;
    const now = new Date();
    const delivery = {
      id: timeOrderedId(),
      webhookId: hook.id,
      seq,
      status: full ? ("failed" as const) : ("pending" as const),
      attempts: 0,
      lastStatus: null,
      lastError: full ? `not sent: ${QUEUE_PER_HOOK} deliveries were already waiting for this webhook` : null,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction((tx) => tx.webhookDeliveries.insert(delivery));
    if (full || this.closed) return;
    queue.jobs.push({ deliveryId: delivery.id, webhookId: hook.id, seq, body, attempts: 0 });
    this.markReady(hook.id);
  }

  private markReady(hookId: string): void {
    const queue = this.queues.get(hookId);
    if (queue === undefined || queue.busy || queue.jobs.length === 0 || this.ready.includes(hookId)) return;
    this.ready.push(hookId);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.running < CONCURRENT_ATTEMPTS) {
      const hookId = this.ready.shift();
      if (hookId === undefined) return;
      const queue = this.queues.get(hookId);
      const job = queue?.jobs[0];
      if (queue === undefined || job === undefined || queue.busy) continue;
      queue.busy = true;
      this.running += 1;
      this.run(job)
        .catch((error: unknown) => this.logger.warn({ err: error, webhook: hookId }, "webhook delivery failed"))
        .finally(() => {
          this.running -= 1;
          this.pump();
        });
    }
  }

  /** One attempt at the head job of its hook's queue, then what follows it: done, or a retry later. */
  private async run(job: Job): Promise<void> {
    const queue = this.queues.get(job.webhookId);
    const hook = await this.store.read((tx) => tx.webhooks.findById(job.webhookId));
    if (hook === null || hook.url === null || queue === undefined) {
      // Deleted: its log went with it, and nothing more is sent.
      this.queues.delete(job.webhookId);
      return;
    }
    job.attempts += 1;
    const t = Math.floor(Date.now() / 1000);
    const result = await this.attempt(
      this.config,
      hook.url,
      job.body,
      {
        [webhookSignatureHeader]: signatureHeader(hook.secret, job.body, t),
        [webhookDeliveryHeader]: job.deliveryId,
        "User-Agent": "CanaDuck-Webhook/1",
      },
      this.config.timeoutMs,
    );
    // Shut down meanwhile: the database may be closed; the entry stays pending in the log.
    if (this.closed) return;
    const finished = result.ok || job.attempts >= this.config.attempts;
    await this.record(job, result, finished);
    if (finished) {
      queue.jobs.shift();
      queue.busy = false;
      this.markReady(job.webhookId);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      queue.busy = false;
      this.markReady(job.webhookId);
    }, this.backoff(job.attempts));
    this.timers.add(timer);
  }

  /** Exponential, with jitter between half and all of it, so failing hooks do not retry in step. */
  private backoff(attempts: number): number {
    const full = this.config.retryBaseMs * 2 ** (attempts - 1);
    return Math.round(full / 2 + randomInt(0, Math.max(1, Math.round(full / 2))));
  }

  private record(job: Job, result: AttemptResult, finished: boolean): Promise<void> {
    const status = result.ok ? "delivered" : finished ? "failed" : "pending";
    return this.store.transaction((tx) =>
      tx.webhookDeliveries.update(job.deliveryId, {
        status,
        attempts: job.attempts,
        lastStatus: result.status,
        lastError: result.ok ? null : result.error,
        updatedAt: new Date(),
      }),
    );
  }
}
