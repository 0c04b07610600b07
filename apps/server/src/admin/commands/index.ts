import type { AdminCommand } from "../admin-context";
import { backupCommand } from "./backup";
import { createAccountCommand } from "./create-account";
import { grantAdminCommand } from "./grant-admin";
import { listAccountsCommand } from "./list-accounts";
import { resetPasswordCommand } from "./reset-password";
import { restoreCommand } from "./restore";
import { revokeAdminCommand } from "./revoke-admin";
import { suspendCommand } from "./suspend";
import { unsuspendCommand } from "./unsuspend";

/** Every command of the admin command line, by the name typed. */
export const adminCommands: Record<string, AdminCommand> = {
  "create-account": createAccountCommand,
  "reset-password": resetPasswordCommand,
  "grant-admin": grantAdminCommand,
  "revoke-admin": revokeAdminCommand,
  suspend: suspendCommand,
  unsuspend: unsuspendCommand,
  "list-accounts": listAccountsCommand,
  backup: backupCommand,
  restore: restoreCommand,
};
