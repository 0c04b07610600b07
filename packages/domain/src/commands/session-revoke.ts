import { userCommand } from "../command";
import { refuse } from "../domain-error";

/**
 * session:revoke — ends one of the actor's own sessions everywhere at once. Another user's
 * session is answered exactly like one that does not exist, so ids cannot be probed.
 */
export const sessionRevoke = userCommand<"session:revoke">({
  access: "user",
  async run(ctx) {
    const { sessionId } = ctx.payload;
    const session = await ctx.tx.sessions.findById(sessionId);
    const yours = session !== null && session.userId === ctx.user.id;
    const live = yours && session.revokedAt === null && session.expiresAt.getTime() > ctx.now.getTime();
    if (!live) return refuse("NO_SUCH_SESSION", "You have no such session; session:list shows yours.");
    await ctx.tx.sessions.revoke(sessionId, ctx.now);
    ctx.out.push({ type: "end-session", sessionId, reason: "revoked" });
    return {};
  },
});
