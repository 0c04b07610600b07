import type { DomainDeps } from "../ports";

export interface AccountSummary {
  name: string;
  isAdmin: boolean;
  createdAt: Date;
  suspendedAt: Date | null;
  suspendReason: string | null;
}

/** Every account, oldest first, as an operator needs to see them (no password hashes). */
export function listAccounts(deps: DomainDeps): Promise<AccountSummary[]> {
  return deps.store.read(async (tx) =>
    (await tx.users.list()).map(({ name, isAdmin, createdAt, suspendedAt, suspendReason }) => ({
      name,
      isAdmin,
      createdAt,
      suspendedAt,
      suspendReason,
    })),
  );
}
