import type { ChatError } from "@canaduck/contract";
import { execute, type Actor, type DomainDeps, type Outcome } from "@canaduck/domain";
import type { Logger } from "../logger";
import { unlimited, type RateLimiter, type RateLimiterFactory } from "./rate-limiter";
import type { RateLimitConfig } from "./rate-limits";

/** One budget an event spends from, and the key it spends under. */
interface Charge {
  limiter: RateLimiter;
  key: string;
}

interface Plan {
  charges: Charge[];
  /** Shown with RATE_LIMITED. */
  what: string;
  /** Only failures count: a success gives its charges back (logins). */
  refundOnSuccess: boolean;
}

const accountKey = (payload: unknown): string | null => {
  const name = typeof payload === "object" && payload !== null && "name" in payload ? payload.name : undefined;
  // The domain compares names ignoring case; so must the budget, or ALICE and alice get two.
  return typeof name === "string" && name.length > 0 && name.length <= 64 ? name.toLowerCase() : null;
};

/**
 * Rate limits in front of the domain: per user and per address on sends and joins, per address
 * then per account on failed logins, per address on registrations and on connecting.
 */
export class AbuseGuard {
  private readonly limiters: Record<keyof RateLimitConfig, RateLimiter>;

  constructor(
    config: RateLimitConfig,
    factory: RateLimiterFactory,
    private readonly logger: Logger,
  ) {
    const build = (name: keyof RateLimitConfig) => {
      const rule = config[name];
      return rule === null ? unlimited : factory(`canaduck:${name}`, rule);
    };
    this.limiters = {
      sendPerUser: build("sendPerUser"),
      sendPerAddress: build("sendPerAddress"),
      joinPerUser: build("joinPerUser"),
      joinPerAddress: build("joinPerAddress"),
      loginPerAccount: build("loginPerAccount"),
      loginPerAddress: build("loginPerAddress"),
      registerPerAddress: build("registerPerAddress"),
      connectPerAddress: build("connectPerAddress"),
    };
  }

  /** A handshake from `address`: null to let it in, or the refusal. */
  admitConnection(address: string): Promise<ChatError | null> {
    return this.spend({ charges: [{ limiter: this.limiters.connectPerAddress, key: address }], what: "connection attempts", refundOnSuccess: false });
  }

  /**
   * Spends what the event costs without running it: null to let it go ahead, or the refusal.
   * For events whose budget is not given back on success (sends), run elsewhere (the batcher).
   */
  charge(actor: Actor, address: string, event: string, payload: unknown): Promise<ChatError | null> {
    const plan = this.planFor(actor, address, event, payload);
    return plan === null ? Promise.resolve(null) : this.spend(plan);
  }

  /** Runs a client event through the limits, then the domain. */
  async execute(domain: DomainDeps, actor: Actor, address: string, event: string, payload: unknown): Promise<Outcome> {
    const plan = this.planFor(actor, address, event, payload);
    if (plan === null) return execute(domain, actor, event, payload);
    const refusal = await this.spend(plan);
    if (refusal !== null) return { ack: { ok: false, error: refusal }, effects: [] };
    const outcome = await execute(domain, actor, event, payload);
    if (plan.refundOnSuccess && outcome.ack.ok) await this.refund(plan.charges);
    return outcome;
  }

  private planFor(actor: Actor, address: string, event: string, payload: unknown): Plan | null {
    const l = this.limiters;
    if (actor.kind === "user") {
      // Per user first: a flooder refused as a user does not also spend their neighbours' address budget.
      if (event === "message:send") {
        return { charges: [{ limiter: l.sendPerUser, key: actor.userId }, { limiter: l.sendPerAddress, key: address }], what: "messages", refundOnSuccess: false };
      }
      if (event === "channel:join") {
        return { charges: [{ limiter: l.joinPerUser, key: actor.userId }, { limiter: l.joinPerAddress, key: address }], what: "joins", refundOnSuccess: false };
      }
      return null;
    }
    if (event === "auth:login") {
      // Per address first, so names made up by the thousand cannot each take a counter.
      const account = accountKey(payload);
      const charges = [{ limiter: l.loginPerAddress, key: address }, ...(account === null ? [] : [{ limiter: l.loginPerAccount, key: account }])];
      return { charges, what: "failed logins", refundOnSuccess: true };
    }
    if (event === "auth:register") {
      return { charges: [{ limiter: l.registerPerAddress, key: address }], what: "new accounts", refundOnSuccess: false };
    }
    return null;
  }

  /** Spends every charge, or none: a refusal gives back what was spent before it. */
  private async spend(plan: Plan): Promise<ChatError | null> {
    const spent: Charge[] = [];
    for (const charge of plan.charges) {
      let verdict;
      try {
        verdict = await charge.limiter.consume(charge.key);
      } catch (error) {
        // A limiter whose store is down must not take the chat down with it.
        this.logger.warn({ err: error }, "rate limiter unavailable; letting the request through");
        continue;
      }
      if (!verdict.allowed) {
        await this.refund(spent);
        const seconds = Math.ceil(verdict.retryAfterMs / 1000);
        return { code: "RATE_LIMITED", message: `Too many ${plan.what}; try again in ${seconds} s.`, retryAfterMs: verdict.retryAfterMs };
      }
      spent.push(charge);
    }
    return null;
  }

  private async refund(charges: readonly Charge[]): Promise<void> {
    await Promise.all(charges.map((c) => c.limiter.refund(c.key))).catch((error: unknown) => {
      this.logger.warn({ err: error }, "rate limiter could not refund");
    });
  }
}
