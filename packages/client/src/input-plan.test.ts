import { describe, expect, it } from "vitest";
import { planInput, saysTo, typedCommand } from "./input-plan";

describe("planning typed input", () => {
  it("says plain text, /me and /msg through the outbox", () => {
    expect(planInput("hello", "#dev")).toEqual({ kind: "say", target: "#dev", text: "hello", action: false });
    expect(planInput("//shrug", "#dev")).toEqual({ kind: "say", target: "#dev", text: "/shrug", action: false });
    expect(planInput("/me waves", "bob")).toEqual({ kind: "say", target: "bob", text: "waves", action: true });
    expect(planInput("/msg eve psst", "#dev")).toEqual({ kind: "say", target: "eve", text: "psst", action: false });
  });

  it("names the local commands and the ones a client may show its own way", () => {
    expect(planInput("/help")).toEqual({ kind: "help" });
    expect(planInput("/help j")).toEqual({ kind: "help", command: "join" });
    expect(planInput("/query bob")).toEqual({ kind: "query", nick: "bob" });
    expect(planInput("/list").kind).toBe("list");
    expect(planInput("/quit bye").kind).toBe("quit");
    expect(planInput("/q bob")).toEqual({ kind: "query", nick: "bob" });
    expect(planInput("/goto", "#dev")).toEqual({ kind: "goto" });
    expect(planInput("/goto 4", "#dev")).toEqual({ kind: "goto", line: 4 });
    expect(planInput("/join #dev")).toMatchObject({
      kind: "event",
      command: { event: "channel:join", payload: { channel: "#dev" } },
    });
  });

  it("plans /edit, /delete, /react and /reply as commands about a line here", () => {
    expect(planInput("/edit fixed it", "#dev")).toEqual({
      kind: "line",
      command: { kind: "local", name: "edit", text: "fixed it" },
    });
    expect(planInput("/react 👍 2", "#dev")).toMatchObject({
      kind: "line",
      command: { name: "react", emoji: "👍", line: 2 },
    });
    expect(planInput("/reply 3 yes", "#dev")).toMatchObject({
      kind: "line",
      command: { name: "reply", line: 3, text: "yes" },
    });
    expect(planInput("/delete", "#dev")).toMatchObject({ kind: "line", command: { name: "delete" } });
  });

  it("refuses what the grammar refuses, with the parser's code", () => {
    expect(planInput("/join dev", "#dev")).toMatchObject({ kind: "refused", error: { code: "INVALID_ARGUMENT" } });
    expect(planInput("/frobnicate")).toMatchObject({ kind: "refused", error: { code: "UNKNOWN_COMMAND" } });
    expect(planInput("hello")).toMatchObject({ kind: "refused", error: { code: "NO_TARGET" } });
  });

  it("tells when a line is said to the open conversation, ignoring case", () => {
    expect(saysTo(planInput("hi", "Bob"), "bob")).toBe(true);
    expect(saysTo(planInput("/msg eve hi", "bob"), "bob")).toBe(false);
    expect(saysTo(planInput("/join #dev", "bob"), "bob")).toBe(false);
  });
});

describe("the command being typed", () => {
  it("is named by its full name or short form, from the first key after the slash", () => {
    expect(typedCommand("/kick bo")).toBe("kick");
    expect(typedCommand("/J #dev")).toBe("join");
    expect(typedCommand("/kic")).toBeNull();
    expect(typedCommand("/")).toBeNull();
    expect(typedCommand("//shrug")).toBeNull();
    expect(typedCommand("hello /kick")).toBeNull();
  });
});
