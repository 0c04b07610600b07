import { countAdmins, type DomainDeps } from "@canaduck/domain";
import type { ServerConfig } from "../config";
import type { Logger } from "../logger";

export const GRANT_HINT =
  "register the account, then on this machine run `npm run admin -- grant-admin <name>` " +
  "(or create it with `npm run admin -- create-account <name> --admin`)";

/**
 * Tells the operator at start how this server's admins come to be: a new server has none, and
 * ADMIN_NAMES no longer makes any. Never fails the start: a notice is not worth an outage.
 */
export async function logAdminNotices(domain: DomainDeps, config: ServerConfig, logger: Logger): Promise<void> {
  if (config.retiredAdminNames.length > 0)
    logger.warn(
      { ADMIN_NAMES: config.retiredAdminNames },
      `ADMIN_NAMES is ignored: a name can be claimed by whoever registers it first. To make an admin, ${GRANT_HINT}`,
    );
  try {
    if ((await countAdmins(domain)) === 0) logger.warn(`This server has no admin yet. To make one, ${GRANT_HINT}`);
  } catch (error) {
    logger.debug({ err: error }, "could not count the server's admins");
  }
}
