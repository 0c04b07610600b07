import { anonymousCommand } from "../command";
import { refuse } from "../domain-error";
import type { DomainDeps } from "../ports";
import { nameKey } from "../support/names";
import { openSession } from "../support/sessions";
import { SUSPENDED_MESSAGE } from "../support/suspension";

/**
 * A hash of a password nobody has, verified when the account does not exist, so an unknown
 * name costs as long as a wrong password and the two cannot be told apart.
 */
const decoys = new WeakMap<DomainDeps["passwords"], Promise<string>>();
function decoy({ passwords }: DomainDeps): Promise<string> {
  let hash = decoys.get(passwords);
  if (!hash) {
    hash = passwords.hash("canaduck-decoy-password");
    decoys.set(passwords, hash);
  }
  return hash;
}

/** auth:login — one error for an unknown name and a wrong password. */
export const login = anonymousCommand<"auth:login", string | null>({
  access: "anonymous",
  rate: { spends: ["login"], counts: "failures" },
  transaction: "required",
  audit: "none",
  // Verify outside the transaction: argon2 is slow on purpose and must not hold the database.
  async prepare(payload, deps) {
    const user = await deps.store.transaction((tx) => tx.users.findByNameKey(nameKey(payload.name)));
    const hash = user !== null && !user.isBot ? user.passwordHash : await decoy(deps);
    const matches = await deps.passwords.verify(hash, payload.password);
    // A bot has no password: it logs in with nothing, even were its hash ever to match.
    return user !== null && !user.isBot && matches ? user.id : null;
  },
  async run(ctx, userId) {
    const user = userId === null ? null : await ctx.tx.users.findById(userId);
    if (user === null) return refuse("INVALID_CREDENTIALS", "Wrong name or password.");
    // Said only to who knows the password, so a guesser cannot learn who is suspended.
    if (user.suspendedAt !== null) return refuse("SUSPENDED", SUSPENDED_MESSAGE);
    return openSession(ctx, user);
  },
});
