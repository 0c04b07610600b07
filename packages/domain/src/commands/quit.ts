import { userCommand } from "../command";
import { appendMessage } from "../support/append-message";

/**
 * session:quit — leaves a quit line (with the quit message) in every channel the user is in,
 * then closes this connection after the ack; others see the user go offline.
 */
export const quit = userCommand<"session:quit">({
  access: "user",
  // It writes a line in every channel the user is in: metered as a send, so reconnecting and
  // quitting in a loop cannot flood them.
  rate: { spends: ["send"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const { message } = ctx.payload;
    for (const { channel } of await ctx.tx.memberships.listChannelsOf(ctx.user.id)) {
      if (channel.kind !== "channel") continue;
      await appendMessage(ctx, channel, { kind: "quit", author: ctx.user, meta: message ? { reason: message } : {} });
    }
    ctx.out.push({ type: "close-connection", reason: "quit" });
    return {};
  },
});
