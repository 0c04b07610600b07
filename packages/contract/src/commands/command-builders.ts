import type { z } from "zod";
import { clientEvents, type ClientEventName, type ClientEventPayload } from "../events/client-events";
import { limits } from "../limits";
import { isChannelName, nickSchema } from "../primitives";
import { commandSpecs, resolveCommandName, type CommandName } from "./command-specs";
import { parseDuration } from "./duration";
import { parseFailure, type ParseFailure } from "./parse-errors";
import type { CommandOf, ParseContext, ParseResult } from "./parsed-command";

/** A command's words after its name; the parser has already checked their count against the spec. */
export type CommandInput = {
  args: readonly string[];
  /** The input verbatim from argument `index` to its end, spaces kept; "" when there is no such argument. */
  rest: (index: number) => string;
  context: ParseContext;
};

type Builder<N extends CommandName> = (input: CommandInput) => ParseResult<CommandOf<N>>;
type Draft<E extends ClientEventName> = z.input<(typeof clientEvents)[E]["payload"]>;
type Built<N extends CommandName, E extends ClientEventName> = ParseResult<{
  kind: "event";
  name: N;
  event: E;
  payload: ClientEventPayload<E>;
}>;

const usageHint = (name: CommandName) => `Usage: ${commandSpecs[name].usage}`;

export const invalidArgument = (name: CommandName, what: string, problem: string): ParseFailure =>
  parseFailure("INVALID_ARGUMENT", `Invalid ${what}: ${problem}. ${usageHint(name)}`);

export const noTarget = (name: CommandName, problem: string): ParseFailure =>
  parseFailure("NO_TARGET", `${problem}. ${usageHint(name)}`);

/** Payload fields as the user knows them: the words of the usage string. */
const fieldWords: Record<string, string> = { limit: "count", durationSeconds: "duration", target: "channel or nick" };
const freeTextFields = new Set(["text", "reason", "topic", "message"]);

/** Checks a payload with its event's schema, so a command is never built that the server would refuse as malformed. */
export function eventCommand<N extends CommandName, E extends ClientEventName>(
  name: N,
  event: E,
  draft: Draft<E>,
): Built<N, E> {
  const parsed = clientEvents[event].payload.safeParse(draft, { reportInput: true });
  if (parsed.success) {
    // TypeScript cannot follow `clientEvents[event]` through the generic; the schema is E's own.
    const payload = parsed.data as ClientEventPayload<E>;
    return { ok: true, command: { kind: "event", name, event, payload } };
  }
  const [issue] = parsed.error.issues;
  const field = String(issue?.path[0] ?? "argument");
  const what = fieldWords[field] ?? field;
  const shown = typeof issue?.input === "string" && !freeTextFields.has(field) ? `${what} "${issue.input}"` : what;
  const problem = issue?.code === "invalid_union" ? "it is neither a #channel nor a nick" : (issue?.message ?? "not allowed");
  return invalidArgument(name, shown, problem);
}

/** Builds with the channel named by `word`, or else with the current target when that is a channel. */
function withChannel<R>(
  name: CommandName,
  word: string | undefined,
  context: ParseContext,
  build: (channel: string) => R,
): R | ParseFailure {
  if (word !== undefined) return build(word);
  const current = context.currentTarget;
  if (current !== undefined && isChannelName(current)) return build(current);
  return noTarget(name, "You are not in a channel, so name one");
}

/** Before free text a `[#chan]` slot is taken only by a word starting with `#`; any other word begins the text. */
const channelWordAt = (args: readonly string[], index: number) =>
  args[index]?.startsWith("#") === true ? args[index] : undefined;

/** Optional free text: left out of the payload when empty. */
const textField = <K extends string>(key: K, text: string) => (text === "" ? {} : ({ [key]: text } as Record<K, string>));

const isCount = (word: string | undefined) => word !== undefined && /^\d+$/.test(word);

function parseCount(name: CommandName, word: string | undefined, max: number): number | undefined | ParseFailure {
  if (word === undefined) return undefined;
  const count = isCount(word) ? Number(word) : 0;
  if (count >= 1 && count <= max) return count;
  return invalidArgument(name, `count "${word}"`, `a count is a whole number from 1 to ${max}`);
}

export const commandBuilders: { [N in CommandName]: Builder<N> } = {
  nick: ({ args: [nick = ""] }) => eventCommand("nick", "user:nick", { nick }),
  join: ({ args: [channel = ""] }) => eventCommand("join", "channel:join", { channel }),
  part: ({ args, rest, context }) => {
    const word = channelWordAt(args, 0);
    const reason = textField("reason", rest(word === undefined ? 0 : 1));
    return withChannel("part", word, context, (channel) => eventCommand("part", "channel:part", { channel, ...reason }));
  },
  msg: ({ args: [target = ""], rest }) => eventCommand("msg", "message:send", { target, text: rest(1) }),
  me: ({ rest, context: { currentTarget } }) =>
    currentTarget === undefined
      ? noTarget("me", "There is no channel or conversation open to act in")
      : eventCommand("me", "message:send", { target: currentTarget, text: rest(0), action: true }),
  topic: ({ args, rest, context }) => {
    const word = channelWordAt(args, 0);
    const topic = textField("topic", rest(word === undefined ? 0 : 1));
    return withChannel("topic", word, context, (channel) => eventCommand("topic", "channel:topic", { channel, ...topic }));
  },
  mode: ({ args: [channel = "", mode = ""] }) =>
    mode === "+i" || mode === "-i"
      ? eventCommand("mode", "channel:mode", { channel, inviteOnly: mode === "+i" })
      : invalidArgument("mode", `mode "${mode}"`, "use +i for invite-only or -i for open"),
  invite: ({ args: [nick = "", word], context }) =>
    withChannel("invite", word, context, (channel) => eventCommand("invite", "channel:invite", { channel, nick })),
  kick: ({ args, rest, context }) => {
    const [nick = ""] = args;
    const word = channelWordAt(args, 1);
    const reason = textField("reason", rest(word === undefined ? 1 : 2));
    return withChannel("kick", word, context, (channel) => eventCommand("kick", "channel:kick", { channel, nick, ...reason }));
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
  query: ({ args: [nick = ""] }) => {
    const parsed = nickSchema.safeParse(nick);
    if (!parsed.success) return invalidArgument("query", `nick "${nick}"`, parsed.error.issues[0]?.message ?? "not a nick");
    return { ok: true, command: { kind: "local", name: "query", nick: parsed.data } };
  },
  quit: ({ rest }) => eventCommand("quit", "session:quit", textField("message", rest(0))),
  logout: () => eventCommand("logout", "auth:logout", {}),
  help: ({ args: [word] }) => {
    if (word === undefined) return { ok: true, command: { kind: "local", name: "help" } };
    const command = resolveCommandName(word);
    if (command === null) return unknownCommand(word);
    return { ok: true, command: { kind: "local", name: "help", command } };
  },
};

export const unknownCommand = (typed: string): ParseFailure =>
  parseFailure(
    "UNKNOWN_COMMAND",
    typed.replace(/^\//, "") === ""
      ? "Type a command name after the /. Type /help to list the commands."
      : `There is no /${typed.replace(/^\//, "")} command. Type /help to list the commands.`,
  );
