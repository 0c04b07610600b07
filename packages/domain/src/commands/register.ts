import { anonymousCommand } from "../command";
import { insertAccount } from "../support/accounts";
import { openSession } from "../support/sessions";

/** auth:register — the first account, and any named in the admin list, become server admins. */
export const register = anonymousCommand<"auth:register", string>({
  access: "anonymous",
  rate: { spends: ["register"], counts: "calls" },
  transaction: "required",
  audit: { action: "register", when: "always" },
  prepare: (payload, deps) => deps.passwords.hash(payload.password),
  async run(ctx, passwordHash) {
    const user = await insertAccount(ctx, ctx.payload.name, passwordHash, false);
    await ctx.audit({ actor: user, detail: user.isAdmin ? "admin" : "" });
    return openSession(ctx, user);
  },
});
