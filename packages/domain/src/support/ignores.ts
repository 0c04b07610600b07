import type { UserRef } from "@canaduck/contract";
import type { Repositories } from "../ports";
import type { IgnoreRecord } from "../records";

/** The users `userId` ignores, oldest ignore first, under their current names (`rows`: the list already read). */
export async function ignoredUsers(
  tx: Repositories,
  userId: string,
  rows?: readonly IgnoreRecord[],
): Promise<UserRef[]> {
  rows ??= await tx.ignores.listByUser(userId);
  const users = new Map((await tx.users.findByIds(rows.map((r) => r.ignoredId))).map((u) => [u.id, u]));
  return rows.flatMap((row) => {
    const user = users.get(row.ignoredId);
    return user ? [{ id: user.id, name: user.name }] : [];
  });
}
