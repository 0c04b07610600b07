import { tokenDefaultDays } from "@canaduck/contract";
import { userCommand } from "../command";
import { refuse } from "../domain-error";
import { toTokenInfo } from "../support/api-tokens";
import { tokenOwner } from "../support/token-owners";
import { hashToken, newSessionToken } from "../support/tokens";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * token:create — an API token for a program: a session of kind "token" limited to its scopes,
 * for the actor or one of their bots. The secret is answered once; only its hash is stored.
 */
export const tokenCreate = userCommand<"token:create">({
  access: "user",
  rate: { spends: ["command"], counts: "calls" },
  transaction: "required",
  audit: "none",
  async run(ctx) {
    const { name, expiresInDays = tokenDefaultDays, bot } = ctx.payload;
    const owner = await tokenOwner(ctx, bot);
    const scopes = [...new Set(ctx.payload.scopes)];
    // Scopes only narrow; still, a token must not claim what its account can never do.
    if (scopes.includes("admin") && !owner.isAdmin)
      refuse("FORBIDDEN", `Only a server admin's token may have the "admin" scope; ${owner.name} is not one.`);
    const token = newSessionToken();
    const session = {
      id: ctx.deps.ids.newId(),
      userId: owner.id,
      tokenHash: hashToken(token),
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + expiresInDays * DAY_MS),
      revokedAt: null,
      kind: "token",
      name,
      scopes: scopes.join(" "),
    };
    await ctx.tx.sessions.insert(session);
    return { token, info: toTokenInfo(session, owner) };
  },
});
