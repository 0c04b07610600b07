import type { Runtime } from "../command";
import { refuse } from "../domain-error";
import type { UserRecord } from "../records";
import { nameKey } from "./names";

/**
 * Creates an account, as registering and the admin command line both do: names are unique
 * ignoring case; the first account, those in the admin list and those asked for are admins.
 */
export async function insertAccount(
  ctx: Runtime,
  name: string,
  passwordHash: string,
  makeAdmin: boolean,
): Promise<UserRecord> {
  const key = nameKey(name);
  if (await ctx.tx.users.findByNameKey(key)) refuse("NICK_IN_USE", `The name ${name} is taken.`);
  const isFirst = (await ctx.tx.users.count()) === 0;
  const user: UserRecord = {
    id: ctx.deps.ids.newId(),
    name,
    nameKey: key,
    passwordHash,
    isAdmin: makeAdmin || isFirst || ctx.deps.config.adminNames.some((admin) => nameKey(admin) === key),
    createdAt: ctx.now,
    suspendedAt: null,
    suspendReason: null,
  };
  await ctx.tx.users.insert(user);
  return user;
}
