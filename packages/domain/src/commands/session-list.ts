import { userCommand } from "../command";
import { isApiToken } from "../support/api-tokens";
import { isSessionLive } from "../support/sessions";

/** session:list — the actor's sessions that still work, newest first, marking the one asking. */
export const sessionList = userCommand<"session:list">({
  access: "user",
  rate: { spends: ["read"], counts: "calls" },
  transaction: "none",
  audit: "none",
  async run(ctx) {
    const all = await ctx.tx.sessions.listByUser(ctx.user.id);
    // API tokens are token:list's: this is where a user finds the devices they logged in on.
    const live = all.filter((s) => !isApiToken(s) && isSessionLive(s, ctx.now));
    return {
      sessions: live
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id))
        .map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          current: s.id === ctx.actor.sessionId,
        })),
    };
  },
});
