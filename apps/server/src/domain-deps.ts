import type { DomainDeps, PasswordHasher, Presence, Store } from "@canaduck/domain";
import type { ServerConfig } from "./config";
import { timeOrderedId } from "./time-ordered-id";
import { webhookTargets } from "./webhooks/webhook-targets";

/**
 * The domain's ports as this server wires them: the wall clock, random ids and the configured
 * limits. The server and the admin command line both build theirs here, so the two cannot drift
 * (say, a command line that hashed or expired sessions by other rules).
 */
export function serverDomain(
  config: ServerConfig,
  parts: { store: Store; passwords: PasswordHasher; presence: Presence },
): DomainDeps {
  return {
    ...parts,
    clock: { now: () => new Date() },
    ids: { newId: () => timeOrderedId() },
    webhookTargets: webhookTargets(config.webhooks),
    config: {
      sessionTtlMs: config.sessionTtlMs,
      maxChannelsPerUser: config.security.maxChannelsPerUser,
      ...(config.editWindowMs === null ? {} : { editWindowMs: config.editWindowMs }),
    },
  };
}
