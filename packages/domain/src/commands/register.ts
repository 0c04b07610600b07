import { anonymousCommand } from "../command";
import { refuse } from "../domain-error";
import type { UserRecord } from "../records";
import { nameKey } from "../support/names";
import { openSession } from "../support/sessions";

/** auth:register — the first account, and any named in the admin list, become server admins. */
export const register = anonymousCommand<"auth:register", string>({
  access: "anonymous",
  rate: { spends: ["register"], counts: "calls" },
  transaction: "required",
  audit: { action: "register", when: "always" },
  prepare: (payload, deps) => deps.passwords.hash(payload.password),
  async run(ctx, passwordHash) {
    const { name } = ctx.payload;
    const key = nameKey(name);
    if (await ctx.tx.users.findByNameKey(key)) refuse("NICK_IN_USE", `The name ${name} is taken.`);
    const isFirst = (await ctx.tx.users.count()) === 0;
    const user: UserRecord = {
      id: ctx.deps.ids.newId(),
      name,
      nameKey: key,
      passwordHash,
      isAdmin: isFirst || ctx.deps.config.adminNames.some((admin) => nameKey(admin) === key),
      createdAt: ctx.now,
    };
    await ctx.tx.users.insert(user);
    await ctx.audit({ actor: user, detail: user.isAdmin ? "admin" : "" });
    return openSession(ctx, user);
  },
});
