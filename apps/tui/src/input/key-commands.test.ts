import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { keyCommands } from "./key-commands";

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const key = (k: Partial<Key>): Key => ({ ...none, ...k });

describe("keys", () => {
  it("runs a bound key's command line in place of what the key did, and leaves other keys alone", () => {
    const bindings = { "alt+a": "/window 1", "ctrl+o": "/lastlog todo" };
    expect(keyCommands("a", key({ meta: true }), "", bindings)).toEqual([{ type: "run", line: "/window 1" }]);
    expect(keyCommands("O", key({ ctrl: true }), "", bindings)).toEqual([{ type: "run", line: "/lastlog todo" }]);
    expect(keyCommands("n", key({ ctrl: true }), "", bindings)).toEqual([{ type: "switch", to: "next" }]);
    expect(keyCommands("a", none, "", bindings)).toEqual([{ type: "edit", action: { type: "insert", text: "a" } }]);
  });

  it("splits a chunk of typing with line breaks into text and Enters", () => {
    expect(keyCommands("hello\rworld\r", none)).toEqual([
      { type: "edit", action: { type: "insert", text: "hello" } },
      { type: "submit" },
      { type: "edit", action: { type: "insert", text: "world" } },
      { type: "submit" },
    ]);
  });

  it("switches windows with Alt+number (Alt+0 is the tenth) and Ctrl+N / Ctrl+P", () => {
    expect(keyCommands("3", key({ meta: true }))).toEqual([{ type: "switch", to: 3 }]);
    expect(keyCommands("0", key({ meta: true }))).toEqual([{ type: "switch", to: 10 }]);
    expect(keyCommands("n", key({ ctrl: true }))).toEqual([{ type: "switch", to: "next" }]);
    expect(keyCommands("p", key({ ctrl: true }))).toEqual([{ type: "switch", to: "previous" }]);
  });

  it("treats the DEL that Backspace sends as a backspace, and Ctrl+C as leaving", () => {
    expect(keyCommands("", key({ delete: true }))).toEqual([{ type: "edit", action: { type: "backspace" } }]);
    expect(keyCommands("c", key({ ctrl: true }))).toEqual([{ type: "quit" }]);
  });

  it("scrolls with PageUp / PageDown, completes with Tab, toggles members with Alt+M", () => {
    expect(keyCommands("", key({ pageUp: true }))).toEqual([{ type: "scroll", direction: "up" }]);
    expect(keyCommands("", key({ tab: true, shift: true }))).toEqual([{ type: "complete", backwards: true }]);
    expect(keyCommands("m", key({ meta: true }))).toEqual([{ type: "toggle-members" }]);
  });
  it("returns to the newest lines with Esc (which Ink also calls Meta), and leaves End to the screen", () => {
    expect(keyCommands("", key({ escape: true, meta: true }))).toEqual([{ type: "newest" }]);
    expect(keyCommands("", key({ end: true }))).toEqual([{ type: "end" }]);
  });

  it("takes backspaces that arrive in one chunk as that many backspaces", () => {
    expect(keyCommands("\x7f\x7f\x7f", none)).toEqual(Array(3).fill({ type: "edit", action: { type: "backspace" } }));
  });
});

describe("line-editing keys (issue 17)", () => {
  it("tells the Delete key (forward) from Backspace, which Ink both reports as delete", () => {
    expect(keyCommands("", key({ delete: true }), "\u001b[3~")).toEqual([{ type: "edit", action: { type: "delete" } }]);
    expect(keyCommands("", key({ delete: true }), "\u007f")).toEqual([{ type: "edit", action: { type: "backspace" } }]);
  });

  it("handles each of two control keys that arrive in one read", () => {
    expect(keyCommands("\u0015\u0019", none, "\u0015\u0019")).toEqual([
      { type: "edit", action: { type: "kill-start" } },
      { type: "edit", action: { type: "yank" } },
    ]);
    expect(keyCommands("ab\u0017\u0001x\r", none)).toEqual([
      { type: "edit", action: { type: "insert", text: "ab" } },
      { type: "edit", action: { type: "kill-word" } },
      { type: "edit", action: { type: "home" } },
      { type: "edit", action: { type: "insert", text: "x" } },
      { type: "submit" },
    ]);
  });

  it("yanks with Ctrl+Y and moves by words with Ctrl+Left/Right", () => {
    expect(keyCommands("y", key({ ctrl: true }))).toEqual([{ type: "edit", action: { type: "yank" } }]);
    expect(keyCommands("", key({ leftArrow: true, ctrl: true }))).toEqual([
      { type: "edit", action: { type: "word-left" } },
    ]);
  });
});
