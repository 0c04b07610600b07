import { limits } from "../limits";
import { isOneEmoji } from "../emoji";
import { nickSchema } from "../primitives";
import {
  channelWordAt,
  eventCommand,
  invalidArgument,
  isCount,
  noTarget,
  parseCount,
  textField,
  unknownCommand,
  withChannel,
  type Builder,
} from "./build-support";
import { commandSpecs, resolveCommandName, type CommandName } from "./command-specs";
import { parseFailure } from "./parse-errors";
import { parseDuration } from "./duration";
import { defaultTokenScopes, tokenOptions } from "./token-options";

/** How each command turns its words into a command; arity was checked centrally, from the spec table. */
export const commandBuilders: { [N in CommandName]: Builder<N> } = {
  nick: ({ args: [nick = ""] }) => eventCommand("nick", "user:nick", { nick }),
  join: ({ args: [channel = ""] }) => eventCommand("join", "channel:join", { channel }),
  part: ({ args, rest, context }) => {
    const word = channelWordAt(args, 0);
    const reason = textField("reason", rest(word === undefined ? 0 : 1));
    return withChannel("part", word, context, (channel) =>
      eventCommand("part", "channel:part", { channel, ...reason }),
    );
  },
  msg: ({ args: [target = ""], rest }) => eventCommand("msg", "message:send", { target, text: rest(1) }),
  me: ({ rest, context: { currentTarget } }) =>
    currentTarget === undefined
      ? noTarget("me", "There is no channel or conversation open to act in")
      : eventCommand("me", "message:send", { target: currentTarget, text: rest(0), action: true }),
  topic: ({ args, rest, context }) => {
    const word = channelWordAt(args, 0);
    const topic = textField("topic", rest(word === undefined ? 0 : 1));
    return withChannel("topic", word, context, (channel) =>
      eventCommand("topic", "channel:topic", { channel, ...topic }),
    );
  },
  // The channel may be left out, as for the other channel commands: the open one then.
  mode: ({ args, context }) => {
    const named = args.length === 2;
    const mode = args[named ? 1 : 0] ?? "";
    if (!named && channelWordAt(args, 0) !== undefined)
      return parseFailure("MISSING_ARGUMENT", `Missing +i|-i. Usage: ${commandSpecs.mode.usage}`);
    const change =
      mode === "+i" || mode === "-i"
        ? { inviteOnly: mode === "+i" }
        : mode === "+previews" || mode === "-previews"
          ? { previews: mode === "+previews" }
          : null;
    if (change === null)
      return invalidArgument(
        "mode",
        `mode "${mode}"`,
        "use +i for invite-only, -i for open, +previews or -previews for link previews",
      );
    return withChannel("mode", named ? args[0] : undefined, context, (channel) =>
      eventCommand("mode", "channel:mode", { channel, ...change }),
    );
  },
  invite: ({ args: [nick = "", word], context }) =>
    withChannel("invite", word, context, (channel) => eventCommand("invite", "channel:invite", { channel, nick })),
  kick: ({ args, rest, context }) => {
    const [nick = ""] = args;
    const word = channelWordAt(args, 1);
    const reason = textField("reason", rest(word === undefined ? 1 : 2));
    return withChannel("kick", word, context, (channel) =>
      eventCommand("kick", "channel:kick", { channel, nick, ...reason }),
    );
  },
  ban: ({ args, rest, context }) => {
    const [nick = ""] = args;
    const word = channelWordAt(args, 1);
    const durationAt = word === undefined ? 1 : 2;
    const durationWord = args[durationAt] ?? "";
    const durationSeconds = parseDuration(durationWord);
    if (durationSeconds !== null && (durationSeconds < 1 || durationSeconds > limits.banMaxSeconds)) {
      const problem = "a ban lasts from 1 second to 365 days; leave the duration out for a ban without end";
      return invalidArgument("ban", `duration "${durationWord}"`, problem);
    }
    const duration = durationSeconds === null ? {} : { durationSeconds };
    const reason = textField("reason", rest(durationSeconds === null ? durationAt : durationAt + 1));
    return withChannel("ban", word, context, (channel) =>
      eventCommand("ban", "channel:ban", { channel, nick, ...duration, ...reason }),
    );
  },
  unban: ({ args: [nick = "", word], context }) =>
    withChannel("unban", word, context, (channel) => eventCommand("unban", "channel:unban", { channel, nick })),
  op: ({ args: [nick = "", word], context }) =>
    withChannel("op", word, context, (channel) => eventCommand("op", "channel:op", { channel, nick })),
  deop: ({ args: [nick = "", word], context }) =>
    withChannel("deop", word, context, (channel) => eventCommand("deop", "channel:deop", { channel, nick })),
  list: () => eventCommand("list", "channel:list", {}),
  who: ({ args: [word], context }) =>
    withChannel("who", word, context, (channel) => eventCommand("who", "channel:who", { channel })),
  read: ({ args, context }) => {
    // A nick starts with a letter, so a lone word of digits is the count, not the target.
    const [targetWord, countWord] = args.length === 1 && isCount(args[0]) ? [undefined, args[0]] : args;
    const target = targetWord ?? context.currentTarget;
    if (target === undefined) return noTarget("read", "There is no channel or conversation open, so name one");
    const limit = parseCount("read", countWord, limits.historyPageMax);
    if (typeof limit === "object") return limit;
    return eventCommand("read", "history:read", { target, ...(limit === undefined ? {} : { limit }) });
  },
  log: ({ args: [word] }) => {
    const limit = parseCount("log", word, limits.auditPageMax);
    if (typeof limit === "object") return limit;
    return eventCommand("log", "audit:log", limit === undefined ? {} : { limit });
  },
  alert: ({ rest }) => eventCommand("alert", "server:alert", { text: rest(0) }),
  search: ({ rest }) => eventCommand("search", "search:query", { query: rest(0) }),
  suspend: ({ args: [nick = ""], rest }) =>
    eventCommand("suspend", "user:suspend", { nick, ...textField("reason", rest(1)) }),
  unsuspend: ({ args: [nick = ""] }) => eventCommand("unsuspend", "user:unsuspend", { nick }),
  edit: ({ rest }) => {
    const text = rest(0);
    if (text.length > limits.messageMaxLength)
      return invalidArgument("edit", "text", `it has more than ${limits.messageMaxLength} characters`);
    return { ok: true, command: { kind: "local", name: "edit", text } };
  },
  delete: ({ args: [word] }) => {
    const line = parseCount("delete", word, 10_000);
    if (typeof line === "object") return line;
    return { ok: true, command: { kind: "local", name: "delete", ...(line === undefined ? {} : { line }) } };
  },
  react: ({ args: [emoji = "", word] }) => {
    if (!isOneEmoji(emoji)) return invalidArgument("react", `emoji "${emoji}"`, "a reaction is exactly one emoji");
    const line = parseCount("react", word, 10_000);
    if (typeof line === "object") return line;
    return { ok: true, command: { kind: "local", name: "react", emoji, ...(line === undefined ? {} : { line }) } };
  },
  reply: ({ args: [word], rest }) => {
    const line = parseCount("reply", word, 10_000);
    if (typeof line === "object") return line;
    const text = rest(1);
    if (text.length > limits.messageMaxLength)
      return invalidArgument("reply", "text", `it has more than ${limits.messageMaxLength} characters`);
    return { ok: true, command: { kind: "local", name: "reply", line: line ?? 1, text } };
  },
  goto: ({ args: [word] }) => {
    const line = parseCount("goto", word, 10_000);
    if (typeof line === "object") return line;
    return { ok: true, command: { kind: "local", name: "goto", ...(line === undefined ? {} : { line }) } };
  },
  query: ({ args: [nick = ""] }) => {
    const parsed = nickSchema.safeParse(nick);
    if (!parsed.success)
      return invalidArgument("query", `nick "${nick}"`, parsed.error.issues[0]?.message ?? "not a nick");
    return { ok: true, command: { kind: "local", name: "query", nick: parsed.data } };
  },
  quit: ({ rest }) => eventCommand("quit", "session:quit", textField("message", rest(0))),
  sessions: () => eventCommand("sessions", "session:list", {}),
  revoke: ({ args: [sessionId = ""] }) => eventCommand("revoke", "session:revoke", { sessionId }),
  logout: () => eventCommand("logout", "auth:logout", {}),
  whois: ({ args: [nick = ""] }) => eventCommand("whois", "user:whois", { nick }),
  away: ({ rest }) => eventCommand("away", "user:away", textField("message", rest(0))),
  ignore: ({ args: [nick = ""] }) => eventCommand("ignore", "user:ignore", { nick }),
  unignore: ({ args: [nick = ""] }) => eventCommand("unignore", "user:unignore", { nick }),
  token: ({ args: [sub = "", ...words] }) => {
    switch (sub.toLowerCase()) {
      case "create": {
        const [name, ...options] = words;
        if (name === undefined)
          return parseFailure("MISSING_ARGUMENT", `Missing name. Usage: /token create name [scopes] [bot:nick]`);
        const parsed = tokenOptions(options);
        if (!parsed.ok) return parsed;
        const { scopes, bot } = parsed;
        return eventCommand("token", "token:create", {
          name,
          scopes: scopes.length === 0 ? [...defaultTokenScopes] : scopes,
          ...(bot === undefined ? {} : { bot }),
        });
      }
      case "list": {
        const parsed = tokenOptions(words);
        if (!parsed.ok) return parsed;
        if (parsed.scopes.length > 0)
          return invalidArgument("token", `word "${parsed.scopes[0] ?? ""}"`, "/token list takes only bot:nick");
        return eventCommand("token", "token:list", parsed.bot === undefined ? {} : { bot: parsed.bot });
      }
      case "revoke": {
        const [tokenId, extra] = words;
        if (tokenId === undefined)
          return parseFailure("MISSING_ARGUMENT", "Missing name|id. Usage: /token revoke name|id");
        if (extra !== undefined)
          return parseFailure("TOO_MANY_ARGUMENTS", "Too many arguments: /token revoke takes one name or id.");
        return eventCommand("token", "token:revoke", { tokenId });
      }
      default:
        return invalidArgument("token", `subcommand "${sub}"`, "it is create, list or revoke");
    }
  },
  bot: ({ args: [sub = "", name] }) => {
    switch (sub.toLowerCase()) {
      case "create":
        if (name === undefined) return parseFailure("MISSING_ARGUMENT", "Missing name. Usage: /bot create name");
        return eventCommand("bot", "bot:create", { name });
      case "list":
        if (name !== undefined) return parseFailure("TOO_MANY_ARGUMENTS", "Too many arguments: /bot list takes none.");
        return eventCommand("bot", "bot:list", {});
      default:
        return invalidArgument("bot", `subcommand "${sub}"`, "it is create or list");
    }
  },
  names: ({ args: [word], context }) =>
    withChannel("names", word, context, (channel) => eventCommand("names", "channel:who", { channel })),
  help: ({ args: [word] }) => {
    if (word === undefined) return { ok: true, command: { kind: "local", name: "help" } };
    const command = resolveCommandName(word);
    if (command === null) return unknownCommand(word);
    return { ok: true, command: { kind: "local", name: "help", command } };
  },
};
