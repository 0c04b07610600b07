import type { ClientEventName, ClientEventPayload } from "../events/client-events";
import type { CommandName, commandSpecs } from "./command-specs";
import type { ParseFailure } from "./parse-errors";

type Specs = typeof commandSpecs;

/** Commands that are sent to the server as a client event. */
export type EventCommandName = {
  [N in CommandName]: Specs[N]["event"] extends ClientEventName | readonly ClientEventName[] ? N : never;
}[CommandName];
/** Commands the client handles without the server. */
export type LocalCommandName = Exclude<CommandName, EventCommandName>;
/** The client event a command is sent as. */
export type CommandEvent<N extends EventCommandName> = Specs[N]["event"] extends readonly (infer E)[]
  ? Extract<E, ClientEventName>
  : Extract<Specs[N]["event"], ClientEventName>;

/** A command ready to emit: `socket.emit(command.event, command.payload, ack)`; the payload passed its schema. */
export type EventCommand<N extends EventCommandName = EventCommandName> = {
  [K in N]: { kind: "event"; name: K; event: CommandEvent<K>; payload: ClientEventPayload<CommandEvent<K>> };
}[N];

export type LocalCommand =
  /** Show help: every command's, or one command's (see helpLines). */
  | { kind: "local"; name: "help"; command?: CommandName }
  /** Open (or switch to) the direct conversation with a nick; nothing is sent until a message is. */
  | { kind: "local"; name: "query"; nick: string }
  /**
   * Commands about a line the client holds: `line` counts said lines (text and /me) from the
   * bottom of the open conversation, 1 being the last; the client finds its seq. Absent: the last
   * line (edit and delete: the user's own last line).
   */
  | { kind: "local"; name: "edit"; text: string }
  | { kind: "local"; name: "delete"; line?: number }
  | { kind: "local"; name: "react"; emoji: string; line?: number }
  | { kind: "local"; name: "reply"; line: number; text: string }
  /**
   * Show the line a reply answers, loading the history around it: the reply is the `line`-th said
   * line from the bottom, or (absent) the newest reply shown. A client that cannot show a jump from
   * the keyboard says so.
   */
  | { kind: "local"; name: "goto"; line?: number };

export type ParsedCommand = EventCommand | LocalCommand;
export type CommandOf<N extends CommandName> = Extract<ParsedCommand, { name: N }>;

export type ParseResult<C = ParsedCommand> = { ok: true; command: C } | ParseFailure;

export type ParseContext = {
  /**
   * Where plain text goes and what `[#chan]` defaults to: a channel name (`#dev`), or the peer's
   * nick in a direct conversation. Absent when nothing is open.
   */
  currentTarget?: string;
};
