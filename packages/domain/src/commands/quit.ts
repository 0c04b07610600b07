import { userCommand } from "../command";
import { appendMessage } from "../support/append-message";

/**
 * session:quit — leaves a quit line (with the quit message) in every channel the user is in,
 * then closes this connection after the ack; others see the user go offline. With `logout`
 * the session ends too (the IRC gateway's sessions last as long as the link).
 */
export const quit = userCommand<"session:quit">({
  access: "user",
  // It writes a line in every channel the user is in: metered as a send, so reconnecting and
  // quitting in a loop cannot flood them.
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const { message, logout } = ctx.payload;
    for (const { channel } of await ctx.tx.memberships.listChannelsOf(ctx.user.id)) {
      if (channel.kind !== "channel") continue;
      await appendMessage(ctx, channel, { kind: "quit", author: ctx.user, meta: message ? { reason: message } : {} });
    }
    if (logout === true) {
      // The session's every connection closes, as auth:logout closes them.
      await ctx.tx.sessions.revoke(ctx.actor.sessionId, ctx.now);
      ctx.out.push({ type: "end-session", sessionId: ctx.actor.sessionId, reason: "quit" });
    } else ctx.out.push({ type: "close-connection", reason: "quit" });
    return {};
  },
});
