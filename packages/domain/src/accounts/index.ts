export { countAdmins } from "./count-admins";
export { createAccount } from "./create-account";
export { listAccounts, type AccountSummary } from "./list-accounts";
export { OPERATOR, type OperatorOutcome } from "./operate";
export { resetPassword } from "./reset-password";
export { setAdmin } from "./set-admin";
export { suspendAccount, unsuspendAccount } from "./suspend-account";
