import { anonymousCommand } from "../command";
import { insertAccount } from "../support/accounts";
import { openSession } from "../support/sessions";

/** auth:register — never a server admin: those are granted by the admin command line (accounts/set-admin.ts). */
export const register = anonymousCommand<"auth:register", string>({
  access: "anonymous",
  rate: { spends: ["register"], counts: "calls" },
  transaction: "required",
  audit: { action: "register", when: "always" },
  prepare: (payload, deps) => deps.passwords.hash(payload.password),
  async run(ctx, passwordHash) {
    const user = await insertAccount(ctx, ctx.payload.name, passwordHash, false);
    await ctx.audit({ actor: user });
    return openSession(ctx, user);
  },
});
