import { describe, expect, expectTypeOf, it } from "vitest";
import type { ClientEventName, ClientEventPayload } from "../events/client-events";
import type { CommandName } from "./command-specs";
import type { ParseError } from "./parse-errors";
import { parseInput } from "./parse-input";
import type { CommandEvent, EventCommand, LocalCommand, ParsedCommand } from "./parsed-command";

describe("ParsedCommand types", () => {
  it("ties each command's event and payload to the spec table and the catalog", () => {
    expectTypeOf<CommandEvent<"kick">>().toEqualTypeOf<"channel:kick">();
    expectTypeOf<CommandEvent<"me">>().toEqualTypeOf<"message:send">();
    expectTypeOf<EventCommand<"kick">>().toEqualTypeOf<{
      kind: "event";
      name: "kick";
      event: "channel:kick";
      payload: ClientEventPayload<"channel:kick">;
    }>();
    expectTypeOf<EventCommand["event"]>().toExtend<ClientEventName>();
    expectTypeOf<ParsedCommand["name"]>().toEqualTypeOf<CommandName>();
  });

  it("narrows parseInput's result to the payload of the command's event", () => {
    const result = parseInput("/ban bob #dev 1h flooding");
    expectTypeOf(result).toEqualTypeOf<{ ok: true; command: ParsedCommand } | { ok: false; error: ParseError }>();
    if (!result.ok) throw new Error(result.error.message);
    const { command } = result;
    if (command.kind !== "event" || command.name !== "ban") throw new Error("expected /ban");
    expectTypeOf(command.event).toEqualTypeOf<"channel:ban">();
    expectTypeOf(command.payload).toEqualTypeOf<ClientEventPayload<"channel:ban">>();
    expectTypeOf(command.payload.durationSeconds).toEqualTypeOf<number | undefined>();
    expect(command.payload.durationSeconds).toBe(3600);
  });

  it("narrows by event as well as by name", () => {
    const result = parseInput("/me waves", { currentTarget: "#dev" });
    if (!result.ok || result.command.kind !== "event" || result.command.event !== "message:send") {
      throw new Error("expected message:send");
    }
    expectTypeOf(result.command.name).toEqualTypeOf<"msg" | "me">();
    expectTypeOf(result.command.payload).toEqualTypeOf<ClientEventPayload<"message:send">>();
    expect(result.command.payload.action).toBe(true);
  });

  it("gives local commands no event or payload", () => {
    expectTypeOf<LocalCommand["name"]>().toEqualTypeOf<
      "help" | "query" | "edit" | "delete" | "react" | "reply" | "goto"
    >();
    const result = parseInput("/query alice");
    if (!result.ok || result.command.kind !== "local") throw new Error("expected a local command");
    // @ts-expect-error: local commands are not sent, so they have no payload
    expect(result.command.payload).toBeUndefined();
    if (result.command.name === "query") expect(result.command.nick).toBe("alice");
  });
});
