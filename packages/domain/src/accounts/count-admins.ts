import type { DomainDeps } from "../ports";

/** How many server admins there are: none on a new server until the operator grants one. */
export function countAdmins(deps: DomainDeps): Promise<number> {
  return deps.store.read((tx) => tx.users.countAdmins());
}
