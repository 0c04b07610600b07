import { userCommand } from "../command";

/** auth:logout — the token stops working and every connection of this session closes. */
export const logout = userCommand<"auth:logout">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    await ctx.tx.sessions.revoke(ctx.actor.sessionId, ctx.now);
    ctx.out.push({ type: "end-session", sessionId: ctx.actor.sessionId, reason: "logout" });
    return {};
  },
});
