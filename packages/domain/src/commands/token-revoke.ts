import { userCommand } from "../command";
import { refuse } from "../domain-error";
import type { SessionRecord } from "../records";
import { isApiToken } from "../support/api-tokens";
import { isSessionLive } from "../support/sessions";
import { managedAccounts } from "../support/token-owners";

/** Shortest start of an id that token:revoke accepts, as for session:revoke. */
const MIN_PREFIX = 8;

/**
 * token:revoke — revokes a live token of the actor or of one of their bots, named by its id, a
 * start of its id, or its name (what `/token revoke` is typed with): its next request
 * is refused and its live connections are ended (the same end-session effect as a logout).
 * Anyone else's token is answered exactly like one that does not exist.
 */
export const tokenRevoke = userCommand<"token:revoke">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const id = ctx.payload.tokenId;
    const accounts = await managedAccounts(ctx);
    const isMine = (s: SessionRecord) => accounts.has(s.userId) && isApiToken(s) && isSessionLive(s, ctx.now);
    const exact = await ctx.tx.sessions.findById(id);
    let matches: SessionRecord[] = exact !== null && isMine(exact) ? [exact] : [];
    if (matches.length === 0) {
      const all = await Promise.all([...accounts.keys()].map((userId) => ctx.tx.sessions.listByUser(userId)));
      const live = all.flat().filter(isMine);
      matches = live.filter((s) => s.name === id);
      if (matches.length === 0 && id.length >= MIN_PREFIX) matches = live.filter((s) => s.id.startsWith(id));
    }
    if (matches.length > 1)
      return refuse("NO_SUCH_TOKEN", `More than one of your tokens is named or starts with ${id}; give its id.`);
    const [token] = matches;
    if (token === undefined) return refuse("NO_SUCH_TOKEN", "You have no such token; token:list shows yours.");
    await ctx.tx.sessions.revoke(token.id, ctx.now);
    ctx.out.push({ type: "end-session", sessionId: token.id, reason: "revoked" });
    return {};
  },
});
