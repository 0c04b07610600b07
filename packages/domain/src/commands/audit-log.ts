import { limits } from "@canaduck/contract";
import { userCommand } from "../command";

/** audit:log — the newest audit entries (admins). */
export const auditLog = userCommand<"audit:log">({
  access: "admin",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "snapshot",
  audit: "none",
  async run(ctx) {
    const entries = await ctx.tx.audit.listRecent(ctx.payload.limit ?? limits.auditPageDefault);
    return {
      entries: entries.map((e) => ({
        id: e.id,
        action: e.action,
        actor: e.actorName,
        channel: e.channelName,
        target: e.targetName,
        detail: e.detail,
        createdAt: e.createdAt.toISOString(),
      })),
    };
  },
});
