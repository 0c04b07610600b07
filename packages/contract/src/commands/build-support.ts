import type { z } from "zod";
import { clientEvents, type ClientEventName, type ClientEventPayload } from "../events/client-events";
import { isChannelName } from "../primitives";
import { commandSpecs, type CommandName } from "./command-specs";
import { parseFailure, type ParseFailure } from "./parse-errors";
import type { CommandOf, ParseContext, ParseResult } from "./parsed-command";

/** A command's words after its name; the parser has already checked their count against the spec. */
export type CommandInput = {
  args: readonly string[];
  /** The input verbatim from argument `index` to its end, spaces kept; "" when there is no such argument. */
  rest: (index: number) => string;
  context: ParseContext;
};

export type Builder<N extends CommandName> = (input: CommandInput) => ParseResult<CommandOf<N>>;
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
  return invalidArgument(name, shown, issue === undefined ? "not allowed" : describeIssue(issue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_union") return "it is neither a #channel nor a nick";
  if (issue.code === "too_big" && issue.origin === "string") return `it has more than ${issue.maximum} characters`;
  return issue.message;
}

/** Builds with the channel named by `word`, or else with the current target when that is a channel. */
export function withChannel<R>(
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
export const channelWordAt = (args: readonly string[], index: number) =>
  args[index]?.startsWith("#") === true ? args[index] : undefined;

/** Optional free text: left out of the payload when empty. */
export const textField = <K extends string>(key: K, text: string) =>
  text === "" ? {} : ({ [key]: text } as Record<K, string>);

export const isCount = (word: string | undefined) => word !== undefined && /^\d+$/.test(word);

export function parseCount(
  name: CommandName,
  word: string | undefined,
  max: number,
): number | undefined | ParseFailure {
  if (word === undefined) return undefined;
  const count = isCount(word) ? Number(word) : 0;
  if (count >= 1 && count <= max) return count;
  return invalidArgument(name, `count "${word}"`, `a count is a whole number from 1 to ${max}`);
}

export const unknownCommand = (typed: string): ParseFailure =>
  parseFailure(
    "UNKNOWN_COMMAND",
    typed.replace(/^\//, "") === ""
      ? "Type a command name after the /. Type /help to list the commands."
      : `There is no /${typed.replace(/^\//, "")} command. Type /help to list the commands.`,
  );
