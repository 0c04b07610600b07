import { userCommand, type UserContext } from "../command";
import { refuse } from "../domain-error";
import type { SessionRecord } from "../records";
import { isApiToken } from "../support/api-tokens";
import { isSessionLive } from "../support/sessions";

/** Shortest start of an id that /revoke accepts: a session id's first group. */
const MIN_PREFIX = 8;

/**
 * session:revoke — ends one of the actor's own sessions everywhere at once. Another user's
 * session is answered exactly like one that does not exist, so ids cannot be probed.
 */
export const sessionRevoke = userCommand<"session:revoke">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const session = await ownLiveSession(ctx, ctx.payload.sessionId);
    await ctx.tx.sessions.revoke(session.id, ctx.now);
    ctx.out.push({ type: "end-session", sessionId: session.id, reason: "revoked" });
    return {};
  },
});

/** The actor's live session with that id, or the only one whose id starts with it. */
async function ownLiveSession(ctx: UserContext<"session:revoke">, id: string): Promise<SessionRecord> {
  const isLive = (s: SessionRecord) => s.userId === ctx.user.id && !isApiToken(s) && isSessionLive(s, ctx.now);
  const exact = await ctx.tx.sessions.findById(id);
  if (exact !== null && isLive(exact)) return exact;
  const matches =
    id.length < MIN_PREFIX
      ? []
      : (await ctx.tx.sessions.listByUser(ctx.user.id)).filter((s) => isLive(s) && s.id.startsWith(id));
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;
  if (matches.length > 1)
    return refuse("NO_SUCH_SESSION", `More than one of your sessions starts with ${id}; give more of its id.`);
  return refuse("NO_SUCH_SESSION", "You have no such session; session:list shows yours.");
}
