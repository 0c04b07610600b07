import type { ClientEventName } from "@canaduck/contract";
import type { Runtime } from "../command";

/**
 * Whether a command leaves an entry in the audit log. "always": every success writes one, and
 * the dispatcher refuses to commit a success that did not. "changed": only a success that
 * changed something (setting a topic, not reading it; opping a member, not an operator) — and
 * any success of an admin moderating an invite-only channel they are not in, whose answer (a
 * member's role, the topic) is otherwise for members only (see `requireEntry`).
 */
export type AuditPolicy = "none" | { action: string; when: "always" | "changed" };

/** One audit entry as a command describes it; the action comes from its table entry. */
export interface AuditLine {
  actor?: { name: string } | null;
  channel?: { name: string } | null;
  target?: { name: string } | null;
  detail?: string;
}

/** The audit log of one attempt at one command, holding it to its declared policy. */
export interface AuditTrail {
  write: (line: AuditLine) => Promise<void>;
  /** From now on a success must write its entry, even one that changed nothing. */
  requireEntry: () => void;
  /** Throws if the command succeeded without the entry its policy promises. */
  close: () => void;
}

export function auditTrail(event: ClientEventName, policy: AuditPolicy, ctx: Runtime): AuditTrail {
  let written = 0;
  let required = policy !== "none" && policy.when === "always";
  return {
    async write(line) {
      if (policy === "none") throw new Error(`${event} wrote an audit entry but its table entry says audit: "none"`);
      if (written > 0) throw new Error(`${event} wrote a second audit entry; a command writes one`);
      written += 1;
      await ctx.tx.audit.insert({
        action: policy.action,
        actorName: line.actor?.name ?? null,
        channelName: line.channel?.name ?? null,
        targetName: line.target?.name ?? null,
        detail: line.detail ?? "",
        createdAt: ctx.now,
      });
    },
    requireEntry() {
      required = true;
    },
    close() {
      if (required && written === 0) {
        throw new Error(`${event} succeeded without the audit entry it owes`);
      }
    },
  };
}
