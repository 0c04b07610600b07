import { limits } from "@canaduck/contract";
import { userCommand } from "../command";
import { refuse } from "../domain-error";
import { ignoredUsers } from "../support/ignores";
import { requireUserByNick } from "../support/lookup";

/**
 * user:ignore — adds a user to the actor's ignore list. The server keeps the list (so every
 * device of the actor agrees, told by ignore:changed) and still delivers the lines: clients hide
 * them. Hiding on the client keeps one log for everyone (seqs, unread counts and replies stay
 * consistent) and lets /unignore show what was said meanwhile.
 */
export const ignore = userCommand<"user:ignore">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const target = await requireUserByNick(ctx, ctx.payload.nick);
    if (target.id === ctx.user.id) refuse("INVALID_PAYLOAD", "You cannot ignore yourself.");
    const held = await ctx.tx.ignores.listByUser(ctx.user.id);
    let rows = held;
    if (!held.some((row) => row.ignoredId === target.id)) {
      if (held.length >= limits.ignoredUsersMax)
        refuse("TOO_MANY_IGNORED", `You may ignore at most ${limits.ignoredUsersMax} users.`);
      const added = { userId: ctx.user.id, ignoredId: target.id, createdAt: ctx.now };
      await ctx.tx.ignores.insert(added);
      rows = [...held, added];
    }
    // The list just read, with the new row last (oldest first), rather than reading it again.
    const ignored = await ignoredUsers(ctx.tx, ctx.user.id, rows);
    ctx.out.emit({ user: ctx.user.id }, "ignore:changed", { ignored });
    return { ignored };
  },
});
