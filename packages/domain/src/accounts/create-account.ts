import { clientEvents } from "@canaduck/contract";
import { describeIssues } from "../dispatch";
import { refuse } from "../domain-error";
import type { DomainDeps } from "../ports";
import { insertAccount } from "../support/accounts";
import { toUserView } from "../support/views";
import { operate } from "./operate";

/** Creates an account with the rules registering follows: the same nick and password checks, the same hashing. */
export async function createAccount(deps: DomainDeps, input: { name: string; password: string; admin: boolean }) {
  const parsed = clientEvents["auth:register"].payload.safeParse({ name: input.name, password: input.password });
  if (!parsed.success) return refuse("INVALID_PAYLOAD", describeIssues(parsed.error));
  const passwordHash = await deps.passwords.hash(parsed.data.password);
  return operate(deps, "register", async (ctx) => {
    const user = await insertAccount(ctx, parsed.data.name, passwordHash, input.admin);
    return { result: toUserView(user), audit: { target: user, detail: user.isAdmin ? "admin" : "" } };
  });
}
