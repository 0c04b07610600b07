import type { ClientEventName } from "@canaduck/contract";
import type { CommandDefinition } from "./command";
import { alert } from "./commands/alert";
import { auditLog } from "./commands/audit-log";
import { ban } from "./commands/ban";
import { deleteMessage } from "./commands/delete-message";
import { deop } from "./commands/deop";
import { directClose } from "./commands/direct-close";
import { directOpen } from "./commands/direct-open";
import { editMessage } from "./commands/edit-message";
import { help } from "./commands/help";
import { invite } from "./commands/invite";
import { join } from "./commands/join";
import { kick } from "./commands/kick";
import { list } from "./commands/list";
import { login } from "./commands/login";
import { logout } from "./commands/logout";
import { mode } from "./commands/mode";
import { nick } from "./commands/nick";
import { op } from "./commands/op";
import { part } from "./commands/part";
import { quit } from "./commands/quit";
import { reactMessage } from "./commands/react-message";
import { readMark } from "./commands/read-mark";
import { readHistory } from "./commands/read-history";
import { register } from "./commands/register";
import { search } from "./commands/search";
import { sendMessage } from "./commands/send-message";
import { sessionList } from "./commands/session-list";
import { sessionRevoke } from "./commands/session-revoke";
import { sessionState } from "./commands/session-state";
import { sessionSync } from "./commands/session-sync";
import { settingsUpdate } from "./commands/settings-update";
import { suspend } from "./commands/suspend";
import { topic } from "./commands/topic";
import { typing } from "./commands/typing";
import { unban } from "./commands/unban";
import { bans } from "./commands/bans";
import { unreactMessage } from "./commands/unreact-message";
import { unsuspend } from "./commands/unsuspend";
import { who } from "./commands/who";
import { away } from "./commands/away";
import { whois } from "./commands/whois";
import { ignore } from "./commands/ignore";
import { tokenCreate } from "./commands/token-create";
import { tokenList } from "./commands/token-list";
import { tokenRevoke } from "./commands/token-revoke";
import { botCreate } from "./commands/bot-create";
import { botList } from "./commands/bot-list";
import { unignore } from "./commands/unignore";
import { webhookCreate } from "./commands/webhook-create";
import { webhookCreateIncoming } from "./commands/webhook-create-incoming";
import { webhookDelete } from "./commands/webhook-delete";
import { webhookDeliveries } from "./commands/webhook-deliveries";
import { webhookList } from "./commands/webhook-list";

/**
 * Every client event and the command that answers it. Each definition declares the access it
 * requires (see access.ts); the dispatcher checks it before the command runs.
 *
 * Each also declares three policies, beside its handler as Ergo's table keeps arity and oper
 * checks, and none has a default, so a new command cannot forget one (command-table.test.ts
 * walks them all):
 * - `rate`: the budgets it spends, or "unlimited". Written here, not in the server, so a new
 *   write is throttled because its author had to choose, not unthrottled because nobody
 *   remembered the guard; the server only says how it meters each budget (abuse-guard.ts).
 *   `counts: "failures"` is for logins: a lockout must punish guessing, not logging in often.
 * - `transaction`: "none" for commands that write nothing and come often (typing, help), so
 *   they never queue behind writers for a lock they do not need; their session and access are
 *   still checked, on reads outside a transaction; "snapshot" for reads whose parts must agree
 *   (a page and its reactions), which run in a read-only snapshot beside the writers.
 * - `audit`: the action a command logs. The dispatcher hands it `ctx.audit` and refuses to
 *   commit a success that skipped an "always" entry, so the log cannot fall silent on one path.
 */
export const commands: { [E in ClientEventName]: CommandDefinition<E> } = {
  "auth:register": register,
  "auth:login": login,
  "auth:logout": logout,
  "session:state": sessionState,
  "session:sync": sessionSync,
  "session:quit": quit,
  "session:list": sessionList,
  "session:revoke": sessionRevoke,
  "token:create": tokenCreate,
  "token:list": tokenList,
  "token:revoke": tokenRevoke,
  "bot:create": botCreate,
  "bot:list": botList,
  "webhook:create": webhookCreate,
  "webhook:create-incoming": webhookCreateIncoming,
  "webhook:list": webhookList,
  "webhook:delete": webhookDelete,
  "webhook:deliveries": webhookDeliveries,
  "user:nick": nick,
  "user:suspend": suspend,
  "user:unsuspend": unsuspend,
  "channel:join": join,
  "channel:part": part,
  "channel:topic": topic,
  "channel:mode": mode,
  "channel:invite": invite,
  "channel:kick": kick,
  "channel:ban": ban,
  "channel:unban": unban,
  "channel:bans": bans,
  "channel:op": op,
  "channel:deop": deop,
  "direct:close": directClose,
  "direct:open": directOpen,
  "channel:list": list,
  "channel:who": who,
  "message:send": sendMessage,
  "message:edit": editMessage,
  "message:delete": deleteMessage,
  "message:react": reactMessage,
  "message:unreact": unreactMessage,
  "read:mark": readMark,
  "history:read": readHistory,
  "search:query": search,
  "audit:log": auditLog,
  "server:alert": alert,
  "server:help": help,
  "typing:set": typing,
  "user:away": away,
  "user:whois": whois,
  "user:ignore": ignore,
  "user:unignore": unignore,
  "settings:update": settingsUpdate,
};
