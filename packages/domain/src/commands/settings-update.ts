import { userCommand } from "../command";
import { refuse } from "../domain-error";
import { patchedSettings, settingsOf } from "../support/settings";

/**
 * settings:update — changes the actor's preferences and tells all their connections, so every
 * device shows the same theme, clock and notifications. A conversation's entry is only for a
 * conversation the actor is in.
 */
export const settingsUpdate = userCommand<"settings:update">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const { conversation } = ctx.payload;
    if (conversation !== undefined && (await ctx.tx.memberships.find(conversation.channelId, ctx.user.id)) === null)
      refuse("NOT_A_MEMBER", "You are not in that conversation.");
    const settings = patchedSettings(await settingsOf(ctx.tx, ctx.user.id), ctx.payload);
    await ctx.tx.settings.upsert({ userId: ctx.user.id, data: JSON.stringify(settings), updatedAt: ctx.now });
    ctx.out.emit({ user: ctx.user.id }, "settings:changed", { settings });
    return { settings };
  },
});
