import type { DomainDeps } from "../ports";
import { requireUserByNick } from "../support/lookup";
import { operate } from "./operate";

/** Grants or revokes server admin; answers whether anything changed. */
export function setAdmin(deps: DomainDeps, input: { name: string; admin: boolean }) {
  return operate(deps, input.admin ? "grant-admin" : "revoke-admin", async (ctx) => {
    const user = await requireUserByNick(ctx, input.name);
    if (user.isAdmin !== input.admin) await ctx.tx.users.update(user.id, { isAdmin: input.admin });
    return { result: { changed: user.isAdmin !== input.admin, name: user.name }, audit: { target: user } };
  });
}
