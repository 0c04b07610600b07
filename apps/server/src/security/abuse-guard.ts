import type { ChatError } from "@canaduck/contract";
import {
  execute,
  rateOf,
  type Actor,
  type DomainDeps,
  type Outcome,
  type RateBudget,
  type RatePolicy,
} from "@canaduck/domain";
import type { Logger } from "../logger";
import { unlimited, type RateLimiter, type RateLimiterFactory } from "./rate-limiter";
import type { RateLimitConfig } from "./rate-limits";

/** One limiter an event spends from, the key it spends under, and what RATE_LIMITED calls it. */
interface Charge {
  limiter: RateLimiter;
  key: string;
  what: string;
}

interface Plan {
  charges: Charge[];
  /** Only failures count: a success gives its charges back (logins). */
  refundOnSuccess: boolean;
  /** For reads: the KiB budgets its answer is weighed against afterwards. */
  weighed?: Charge[];
}

/** Whose count a limiter keeps. */
type Per = "user" | "address" | "account";

/**
 * How this server meters each budget the command table names: its limiters in the order they
 * are spent, and the word RATE_LIMITED uses. Typed over every budget, so a new one must be mapped.
 */
const budgets: { [B in RateBudget]: { what: string; limiters: ReadonlyArray<readonly [keyof RateLimitConfig, Per]> } } =
  {
    // Per user first: a flooder refused as a user does not also spend their neighbours' address budget.
    send: {
      what: "messages",
      limiters: [
        ["sendPerUser", "user"],
        ["sendPerAddress", "address"],
      ],
    },
    join: {
      what: "joins",
      limiters: [
        ["joinPerUser", "user"],
        ["joinPerAddress", "address"],
      ],
    },
    mark: {
      what: "read markers",
      limiters: [
        ["markPerUser", "user"],
        ["markPerAddress", "address"],
      ],
    },
    search: {
      what: "searches",
      limiters: [
        ["searchPerUser", "user"],
        ["searchPerAddress", "address"],
      ],
    },
    // Per address first, so names made up by the thousand cannot each take a counter.
    login: {
      what: "failed logins",
      limiters: [
        ["loginPerAddress", "address"],
        ["loginPerAccount", "account"],
      ],
    },
    register: { what: "new accounts", limiters: [["registerPerAddress", "address"]] },
    read: {
      what: "reads",
      limiters: [
        ["readPerUser", "user"],
        ["readPerAddress", "address"],
      ],
    },
    typing: {
      what: "typing notices",
      limiters: [
        ["typingPerUser", "user"],
        ["typingPerAddress", "address"],
      ],
    },
    command: {
      what: "commands",
      limiters: [
        ["commandPerUser", "user"],
        ["commandPerAddress", "address"],
      ],
    },
  };

/** Reads are metered by what their answers weigh, too: one page may carry 2 MB. */
const readBytes = [
  ["readKibPerUser", "user"],
  ["readKibPerAddress", "address"],
] as const;

/** Room for a line's fields besides its text, in characters of JSON. */
const LINE_OVERHEAD = 256;

/**
 * An answer's weight in KiB as it goes out, at least 1. A page of lines is weighed by its texts
 * (serializing 2 MB twice, once here and once to send it, would cost what the limit saves);
 * anything else is small and weighed as its JSON.
 */
function kibOf(data: unknown): number {
  const lines =
    typeof data === "object" && data !== null && "messages" in data && Array.isArray(data.messages)
      ? (data.messages as unknown[])
      : null;
  const chars =
    lines === null
      ? (JSON.stringify(data)?.length ?? 0)
      : lines.reduce<number>((sum, line) => {
          const text = typeof line === "object" && line !== null && "text" in line ? line.text : "";
          return sum + LINE_OVERHEAD + (typeof text === "string" ? text.length : 0);
        }, 0);
  return Math.max(1, Math.ceil(chars / 1024));
}

const accountKey = (payload: unknown): string | null => {
  const name = typeof payload === "object" && payload !== null && "name" in payload ? payload.name : undefined;
  // The domain compares names ignoring case; so must the budget, or ALICE and alice get two.
  return typeof name === "string" && name.length > 0 && name.length <= 64 ? name.toLowerCase() : null;
};

/**
 * Rate limits in front of the domain, spent as each command's table entry declares (`rate`):
 * per user and per address on sends and joins, per address then per account on failed logins,
 * per address on registrations; and per address on connecting.
 */
export class AbuseGuard {
  private readonly limiters: Record<keyof RateLimitConfig, RateLimiter>;

  constructor(
    config: RateLimitConfig,
    factory: RateLimiterFactory,
    private readonly logger: Logger,
    /** The command table's answer; a test may declare a command's cost differently. */
    private readonly costOf: (event: string, actor: Actor) => RatePolicy = rateOf,
  ) {
    const build = (name: keyof RateLimitConfig) => {
      const rule = config[name];
      return rule === null ? unlimited : factory(`canaduck:${name}`, rule);
    };
    // Every key of the config has its limiter: the config's type lists them all.
    this.limiters = Object.fromEntries(
      (Object.keys(config) as Array<keyof RateLimitConfig>).map((name) => [name, build(name)]),
    ) as Record<keyof RateLimitConfig, RateLimiter>;
  }

  /** A handshake from `address`: null to let it in, or the refusal. */
  admitConnection(address: string): Promise<ChatError | null> {
    return this.spend({
      charges: [{ limiter: this.limiters.connectPerAddress, key: address, what: "connection attempts" }],
      refundOnSuccess: false,
    });
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
    const refusal = (plan.weighed ? await this.overWeight(plan.weighed) : null) ?? (await this.spend(plan));
    if (refusal !== null) return { ack: { ok: false, error: refusal }, effects: [] };
    const outcome = await execute(domain, actor, event, payload);
    if (plan.refundOnSuccess && outcome.ack.ok) await this.refund(plan.charges);
    if (plan.weighed && outcome.ack.ok) await this.weigh(plan.weighed, kibOf(outcome.ack.data));
    return outcome;
  }

  /** A read is refused once its KiB budget is spent; the read that spends it still goes out whole. */
  private async overWeight(charges: readonly Charge[]): Promise<ChatError | null> {
    for (const charge of charges) {
      let verdict;
      try {
        verdict = await charge.limiter.peek(charge.key);
      } catch (error) {
        this.logger.warn({ err: error }, "rate limiter unavailable; letting the request through");
        continue;
      }
      if (!verdict.allowed) return this.refusal(charge.what, verdict.retryAfterMs);
    }
    return null;
  }

  private async weigh(charges: readonly Charge[], kib: number): Promise<void> {
    await Promise.all(charges.map((c) => c.limiter.spendAfter(c.key, kib))).catch((error: unknown) => {
      this.logger.warn({ err: error }, "rate limiter could not count a read's bytes");
    });
  }

  private refusal(what: string, retryAfterMs: number): ChatError {
    const seconds = Math.ceil(retryAfterMs / 1000);
    return { code: "RATE_LIMITED", message: `Too many ${what}; try again in ${seconds} s.`, retryAfterMs };
  }

  private planFor(actor: Actor, address: string, event: string, payload: unknown): Plan | null {
    const policy = this.costOf(event, actor);
    if (policy === "unlimited") return null;
    const keyOf = (per: Per): string | null => {
      if (per === "address") return address;
      if (per === "user") return actor.kind === "user" ? actor.userId : null;
      return accountKey(payload);
    };
    const charges = policy.spends.flatMap((budget) => {
      const { what, limiters } = budgets[budget];
      return limiters.flatMap(([name, per]) => {
        const key = keyOf(per);
        return key === null ? [] : [{ limiter: this.limiters[name], key, what }];
      });
    });
    const weighed = policy.spends.includes("read")
      ? readBytes.flatMap(([name, per]) => {
          const key = keyOf(per);
          return key === null ? [] : [{ limiter: this.limiters[name], key, what: "bytes read" }];
        })
      : undefined;
    return { charges, refundOnSuccess: policy.counts === "failures", ...(weighed ? { weighed } : {}) };
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
        return this.refusal(charge.what, verdict.retryAfterMs);
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
