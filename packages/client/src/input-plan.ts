import {
  parseInput,
  resolveCommandName,
  type CommandName,
  type EventCommand,
  type LocalCommand,
  type ParseError,
} from "@canaduck/contract";

/**
 * What a line typed in either client asks for, once parsed by the contract's grammar. The kinds a
 * client may show its own way are named: `/help`, `/query`, `/list` (the web opens its channel
 * browser), `/quit` (the terminal exits) and `/goto` (the terminal jumps from a reply to its
 * original; the web does it by a click); `ChatClient.submit` runs every kind.
 */
export type InputPlan =
  | { kind: "refused"; error: ParseError }
  | { kind: "help"; command?: CommandName }
  | { kind: "query"; nick: string }
  /** Jump from a reply to the line it answers: `line` counts said lines from the bottom; absent, the newest reply. */
  | { kind: "goto"; line?: number }
  | { kind: "list"; command: EventCommand<"list"> }
  | { kind: "quit"; command: EventCommand<"quit"> }
  /** Plain text, `/msg` or `/me`: goes through the outbox. */
  | { kind: "say"; target: string; text: string; action: boolean }
  | { kind: "event"; command: EventCommand }
  /** /edit, /delete, /react, /reply: about a line the client holds (`line` counts said lines from the bottom). */
  | { kind: "line"; command: LineCommand };

/** The local commands about one line of the open conversation. */
export type LineCommand = Extract<LocalCommand, { name: "edit" | "delete" | "react" | "reply" }>;

/** Plans `text` typed in the conversation addressed as `currentTarget` ("#dev", a nick), if one is open. */
export function planInput(text: string, currentTarget?: string): InputPlan {
  const parsed = parseInput(text, currentTarget === undefined ? {} : { currentTarget });
  if (!parsed.ok) return { kind: "refused", error: parsed.error };
  const { command } = parsed;
  if (command.kind === "local") {
    if (command.name === "help") return { kind: "help", ...(command.command ? { command: command.command } : {}) };
    if (command.name === "query") return { kind: "query", nick: command.nick };
    if (command.name === "goto") return { kind: "goto", ...(command.line === undefined ? {} : { line: command.line }) };
    return { kind: "line", command };
  }
  switch (command.name) {
    case "list":
      return { kind: "list", command };
    case "quit":
      return { kind: "quit", command };
    case "msg":
    case "me":
      return {
        kind: "say",
        target: command.payload.target,
        text: command.payload.text,
        action: command.payload.action ?? false,
      };
    default:
      return { kind: "event", command };
  }
}

/** Whether a plan says something to the conversation addressed as `target` (which starts a draft one). */
export const saysTo = (plan: InputPlan, target: string): plan is Extract<InputPlan, { kind: "say" }> =>
  plan.kind === "say" && plan.target.toLowerCase() === target.toLowerCase();

/** The command whose name starts the line (by full name or short form), while it is typed: for a usage hint. */
export function typedCommand(text: string): CommandName | null {
  if (!text.startsWith("/") || text.startsWith("//")) return null;
  return resolveCommandName(/^\/(\S*)/.exec(text)?.[1] ?? "");
}
