import type { ClientEventName } from "../events/client-events";

export type CommandSpec = {
  /** How to type it, as help shows it: `<required>` words bare, `[optional]` ones in brackets. */
  usage: string;
  help: string;
  minArgs: number;
  /** Infinity when the last argument is free text that may hold spaces. */
  maxArgs: number;
  /**
   * The client event the command is sent as, or null when the client handles it alone; a command
   * with subcommands (`/token create|list|revoke`) lists the events its subcommands are sent as.
   */
  event: ClientEventName | readonly ClientEventName[] | null;
};

const REST = Number.POSITIVE_INFINITY;

/** Every slash command both clients understand, keyed by its name without the `/`. */
export const commandSpecs = {
  nick: { usage: "/nick new", help: "Change your nick.", minArgs: 1, maxArgs: 1, event: "user:nick" },
  join: {
    usage: "/join #chan",
    help: "Join a channel, creating it if it does not exist.",
    minArgs: 1,
    maxArgs: 1,
    event: "channel:join",
  },
  part: {
    usage: "/part [#chan] [reason]",
    help: "Leave a channel (this one by default).",
    minArgs: 0,
    maxArgs: REST,
    event: "channel:part",
  },
  msg: {
    usage: "/msg #chan|nick text",
    help: "Send a message to a channel, or privately to a nick.",
    minArgs: 2,
    maxArgs: REST,
    event: "message:send",
  },
  me: {
    usage: "/me action",
    help: "Describe what you are doing, in the third person.",
    minArgs: 1,
    maxArgs: REST,
    event: "message:send",
  },
  topic: {
    usage: "/topic [#chan] [text]",
    help: "Show a channel's topic, or set it (operators).",
    minArgs: 0,
    maxArgs: REST,
    event: "channel:topic",
  },
  mode: {
    usage: "/mode [#chan] +i|-i|+previews|-previews",
    help: "Make a channel invite-only (+i) or open (-i), or turn its link previews on or off (operators); this one by default.",
    minArgs: 1,
    maxArgs: 2,
    event: "channel:mode",
  },
  invite: {
    usage: "/invite nick [#chan]",
    help: "Let a user join an invite-only channel (operators).",
    minArgs: 1,
    maxArgs: 2,
    event: "channel:invite",
  },
  kick: {
    usage: "/kick nick [#chan] [reason]",
    help: "Remove a member from a channel (operators).",
    minArgs: 1,
    maxArgs: REST,
    event: "channel:kick",
  },
  ban: {
    usage: "/ban nick [#chan] [duration] [reason]",
    help: "Remove a member and keep them out, for a while (45s, 10m, 2h, 3d, 1w) or for good (operators).",
    minArgs: 1,
    maxArgs: REST,
    event: "channel:ban",
  },
  unban: {
    usage: "/unban nick [#chan]",
    help: "Lift a ban (operators).",
    minArgs: 1,
    maxArgs: 2,
    event: "channel:unban",
  },
  op: {
    usage: "/op nick [#chan]",
    help: "Make a member an operator (operators).",
    minArgs: 1,
    maxArgs: 2,
    event: "channel:op",
  },
  deop: {
    usage: "/deop nick [#chan]",
    help: "Make an operator a plain member (operators).",
    minArgs: 1,
    maxArgs: 2,
    event: "channel:deop",
  },
  list: {
    usage: "/list",
    help: "List the channels, with member counts and topics.",
    minArgs: 0,
    maxArgs: 0,
    event: "channel:list",
  },
  who: {
    usage: "/who [#chan]",
    help: "List a channel's members and who is online.",
    minArgs: 0,
    maxArgs: 1,
    event: "channel:who",
  },
  read: {
    usage: "/read [#chan|nick] [count]",
    help: "Show the latest messages of a channel or conversation.",
    minArgs: 0,
    maxArgs: 2,
    event: "history:read",
  },
  search: {
    usage: "/search words",
    help: 'Find lines you may read: words, "a phrase", from:nick, in:#chan, before:/after:/on:2026-12-01, has:link.',
    minArgs: 1,
    maxArgs: REST,
    event: "search:query",
  },
  log: {
    usage: "/log [count]",
    help: "Show the newest audit log entries (admins).",
    minArgs: 0,
    maxArgs: 1,
    event: "audit:log",
  },
  alert: {
    usage: "/alert text",
    help: "Send a notice to everyone connected (admins).",
    minArgs: 1,
    maxArgs: REST,
    event: "server:alert",
  },
  suspend: {
    usage: "/suspend nick [reason]",
    help: "Suspend an account: its sessions end and it cannot log in; its messages stay (admins).",
    minArgs: 1,
    maxArgs: REST,
    event: "user:suspend",
  },
  unsuspend: {
    usage: "/unsuspend nick",
    help: "Let a suspended account log in again (admins).",
    minArgs: 1,
    maxArgs: 1,
    event: "user:unsuspend",
  },
  edit: {
    usage: "/edit text",
    help: "Change the text of your last line here (an empty prompt's ↑ starts it for you).",
    minArgs: 1,
    maxArgs: REST,
    event: null,
  },
  delete: {
    usage: "/delete [n]",
    help: "Delete your last line here, or the n-th said line from the bottom (yours; any, as an operator).",
    minArgs: 0,
    maxArgs: 1,
    event: null,
  },
  react: {
    usage: "/react emoji [n]",
    help: "Add or take back a reaction on the last line here, or on the n-th said line from the bottom.",
    minArgs: 1,
    maxArgs: 2,
    event: null,
  },
  reply: {
    usage: "/reply n text",
    help: "Reply to the n-th said line from the bottom (1 is the last).",
    minArgs: 2,
    maxArgs: REST,
    event: null,
  },
  goto: {
    usage: "/goto [n]",
    help: "Jump to the line a reply answers: the newest reply here, or the n-th said line from the bottom (terminal; End or Esc comes back).",
    minArgs: 0,
    maxArgs: 1,
    event: null,
  },
  query: { usage: "/query nick", help: "Open a direct conversation with a nick.", minArgs: 1, maxArgs: 1, event: null },
  quit: {
    usage: "/quit [message]",
    help: "Leave CanaDuck, with a parting message.",
    minArgs: 0,
    maxArgs: REST,
    event: "session:quit",
  },
  sessions: {
    usage: "/sessions",
    help: "List the devices you are logged in on, to /revoke one.",
    minArgs: 0,
    maxArgs: 0,
    event: "session:list",
  },
  revoke: {
    usage: "/revoke id",
    help: "Log one of your sessions out (its id from /sessions).",
    minArgs: 1,
    maxArgs: 1,
    event: "session:revoke",
  },
  logout: {
    usage: "/logout",
    help: "Log out: your session ends on every device.",
    minArgs: 0,
    maxArgs: 0,
    event: "auth:logout",
  },
  whois: {
    usage: "/whois nick",
    help: "Show a user: online, away, idle, admin, and the channels you share.",
    minArgs: 1,
    maxArgs: 1,
    event: "user:whois",
  },
  away: {
    usage: "/away [message]",
    help: "Mark yourself away with a message others see; without one, you are back.",
    minArgs: 0,
    maxArgs: REST,
    event: "user:away",
  },
  ignore: {
    usage: "/ignore nick",
    help: "Hide a user's lines, on every device (the list is kept on the server).",
    minArgs: 1,
    maxArgs: 1,
    event: "user:ignore",
  },
  unignore: {
    usage: "/unignore nick",
    help: "Show a user's lines again.",
    minArgs: 1,
    maxArgs: 1,
    event: "user:unignore",
  },
  token: {
    usage: "/token create|list|revoke [name|id] [scopes]",
    help: "API tokens for your programs: /token create name [read write moderate admin] [bot:nick] (shown once; scopes read write by default), /token list [bot:nick], /token revoke name|id. Needs a password login.",
    minArgs: 1,
    maxArgs: REST,
    event: ["token:create", "token:list", "token:revoke"],
  },
  bot: {
    usage: "/bot create|list [name]",
    help: "Bot accounts you own, shown as bots: /bot create name, /bot list; give one a token with /token create name bot:nick.",
    minArgs: 1,
    maxArgs: 2,
    event: ["bot:create", "bot:list"],
  },
  names: {
    usage: "/names [#chan]",
    help: "List a channel's members (as /who).",
    minArgs: 0,
    maxArgs: 1,
    event: "channel:who",
  },
  help: {
    usage: "/help [command]",
    help: "List the commands, or show how to use one.",
    minArgs: 0,
    maxArgs: 1,
    event: null,
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commandSpecs;
export const commandNames = Object.keys(commandSpecs) as CommandName[];

/** The commands only server admins may use: the clients offer them (completion, /help) to admins only. */
export const adminCommands: ReadonlySet<CommandName> = new Set<CommandName>(["log", "alert", "suspend", "unsuspend"]);

/** Short names that stand for a command. */
// `/q` opens a query, as in irssi: leaving takes the whole word, /quit.
export const commandAliases = { j: "join", q: "query" } as const satisfies Record<string, CommandName>;

const isCommandName = (name: string): name is CommandName => Object.hasOwn(commandSpecs, name);
const isAlias = (name: string): name is keyof typeof commandAliases => Object.hasOwn(commandAliases, name);

/** The command a typed name (with or without `/`, any case, or an alias) stands for, or null. */
export function resolveCommandName(typed: string): CommandName | null {
  const name = typed.replace(/^\//, "").toLowerCase();
  if (isCommandName(name)) return name;
  if (isAlias(name)) return commandAliases[name];
  return null;
}
