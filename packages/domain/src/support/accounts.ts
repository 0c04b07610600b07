import type { Runtime } from "../command";
import { refuse } from "../domain-error";
import type { UserRecord } from "../records";
import { nameKey } from "./names";

/**
 * Creates an account, as registering and the admin command line both do: names are unique
 * ignoring case. Only the admin command line asks for an admin: a name or being first never
 * makes one, or the first stranger to reach a new server, or to register a freed name, would own it.
 */
export async function insertAccount(
  ctx: Runtime,
  name: string,
  passwordHash: string,
  makeAdmin: boolean,
  /** Set for a bot (bot:create): the user who owns it. */
  botOwnerId: string | null = null,
): Promise<UserRecord> {
  const key = nameKey(name);
  if (await ctx.tx.users.findByNameKey(key)) refuse("NICK_IN_USE", `The name ${name} is taken.`);
  const user: UserRecord = {
    id: ctx.deps.ids.newId(),
    name,
    nameKey: key,
    passwordHash,
    isAdmin: makeAdmin,
    createdAt: ctx.now,
    suspendedAt: null,
    suspendReason: null,
    awayMessage: null,
    isBot: botOwnerId !== null,
    ownerId: botOwnerId,
  };
  await ctx.tx.users.insert(user);
  return user;
}
