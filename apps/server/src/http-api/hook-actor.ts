import { timingSafeEqual } from "node:crypto";
import { webhookSignatureToleranceSeconds as webhookSignatureTolerance } from "@canaduck/contract";
import type { ChatError } from "@canaduck/contract";
import type { DomainDeps, UserActor } from "@canaduck/domain";
import { checkSignature } from "../webhooks/signature";

/** Who an incoming webhook's request acts as, and the channel it says its text in. */
export interface HookSender {
  actor: UserActor;
  channel: string;
}

const NO_SUCH_HOOK: ChatError = {
  code: "NO_SUCH_WEBHOOK",
  message: "There is no incoming webhook at this URL.",
};

const sameSecret = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * Signatures already accepted, until they are too old to be accepted anyway: a request seen
 * once is refused the second time. Kept by the node that saw it (a replay sent to another
 * node of a cluster within the 300 s window is not caught; see docs/http-api.md).
 */
export class SeenSignatures {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max = 10_000) {}

  /** False when `key` was already seen; else remembers it until `expiresAtMs`. */
  firstTime(key: string, nowMs: number, expiresAtMs: number): boolean {
    const held = this.seen.get(key);
    if (held !== undefined && held > nowMs) return false;
    if (this.seen.size >= this.max)
      for (const [k, until] of this.seen) if (until <= nowMs || this.seen.size >= this.max) this.seen.delete(k);
    this.seen.set(key, expiresAtMs);
    return true;
  }
}

/**
 * The sender of a POST to /hooks/{id}/{secret}: the hook's bot, through the session made for it,
 * so the post runs through the dispatcher as any of the bot's lines would (membership, scope,
 * rate budgets). A wrong secret is answered as an unknown hook, so ids cannot be probed.
 */
export async function hookSender(
  domain: DomainDeps,
  seen: SeenSignatures,
  request: { webhookId: string; secret: string; signature: string | undefined; rawBody: string },
): Promise<HookSender | ChatError> {
  const found = await domain.store.read(async (tx) => {
    const hook = await tx.webhooks.findById(request.webhookId);
    return { hook, channel: hook === null ? null : await tx.channels.findById(hook.channelId) };
  });
  const { hook, channel } = found;
  if (hook === null || channel === null || hook.kind !== "incoming" || !sameSecret(hook.secret, request.secret))
    return NO_SUCH_HOOK;
  if (hook.botId === null || hook.sessionId === null) return NO_SUCH_HOOK;
  if (hook.signed) {
    const nowMs = domain.clock.now().getTime();
    const check = checkSignature(
      hook.secret,
      request.signature,
      request.rawBody,
      Math.floor(nowMs / 1000),
      webhookSignatureTolerance,
    );
    if (!check.ok)
      return check.reason === "stale"
        ? {
            code: "STALE_SIGNATURE",
            message: `X-CanaDuck-Signature's timestamp is more than ${webhookSignatureTolerance} s from now.`,
          }
        : {
            code: "BAD_SIGNATURE",
            message:
              'This hook is signed: send X-CanaDuck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>.',
          };
    const until = (check.t + webhookSignatureTolerance) * 1000 + 1000;
    if (!seen.firstTime(`${hook.id}:${check.v1}`, nowMs, until))
      return { code: "REPLAYED_SIGNATURE", message: "This signed request was already received." };
  }
  return {
    actor: { kind: "user", userId: hook.botId, sessionId: hook.sessionId, scopes: ["write"] },
    channel: channel.name,
  };
}
