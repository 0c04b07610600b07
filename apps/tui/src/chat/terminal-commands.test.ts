import { describe, expect, it } from "vitest";
import { readSettings } from "../settings";
import { expandAlias, terminalCommand, withSetting } from "./terminal-commands";

describe("terminalCommand", () => {
  it("reads /clear, /lastlog with and without -n, /alias, /unalias and /set", () => {
    expect(terminalCommand("/clear")).toEqual({ kind: "clear" });
    expect(terminalCommand("/lastlog deploy friday")).toEqual({
      kind: "lastlog",
      words: ["deploy", "friday"],
      count: null,
    });
    expect(terminalCommand("/lastlog -n 3 deploy")).toEqual({ kind: "lastlog", words: ["deploy"], count: 3 });
    expect(terminalCommand("/lastlog -n x deploy")?.kind).toBe("usage");
    expect(terminalCommand("/lastlog")?.kind).toBe("usage");
    expect(terminalCommand("/alias ll /lastlog -n 5")).toEqual({
      kind: "alias",
      name: "ll",
      expansion: "/lastlog -n 5",
    });
    expect(terminalCommand("/alias LL")).toEqual({ kind: "unalias", name: "ll" });
    expect(terminalCommand("/alias ll lastlog")?.kind).toBe("usage");
    expect(terminalCommand("/alias")).toEqual({ kind: "alias-list" });
    expect(terminalCommand("/set clock 12")).toEqual({ kind: "set", key: "clock", value: "12" });
    expect(terminalCommand("/set")).toEqual({ kind: "set-list" });
    expect(terminalCommand("/join #dev")).toBeNull();
  });

  it("expands an alias once, with the words typed after it", () => {
    const aliases = { ll: "/lastlog -n 5", loop: "/loop" };
    expect(expandAlias("/ll deploy", aliases)).toBe("/lastlog -n 5 deploy");
    expect(expandAlias("/LL", aliases)).toBe("/lastlog -n 5");
    expect(expandAlias("/loop", aliases)).toBe("/loop");
    expect(expandAlias("hello /ll", aliases)).toBe("hello /ll");
  });

  it("sets only what it knows, to values it knows", () => {
    expect(withSetting({ aliases: {} }, "clock", "12")).toEqual({ ok: true, settings: { aliases: {}, clock: "12" } });
    expect(withSetting({ aliases: {} }, "log", "on")).toEqual({ ok: true, settings: { aliases: {}, log: true } });
    expect(withSetting({ aliases: {} }, "clock", "13").ok).toBe(false);
    expect(withSetting({ aliases: {} }, "colour", "red").ok).toBe(false);
  });

  it("reads /bind and /unbind for Ctrl or Alt with a letter or digit, never the keys that must stay", () => {
    expect(terminalCommand("/bind Alt+S /search release notes")).toEqual({
      kind: "bind",
      key: "alt+s",
      line: "/search release notes",
    });
    expect(terminalCommand("/bind")).toEqual({ kind: "bind-list" });
    expect(terminalCommand("/unbind ctrl+o")).toEqual({ kind: "unbind", key: "ctrl+o" });
    for (const refused of ["/bind ctrl+c /quit", "/bind ctrl+m /x", "/bind alt+s search", "/bind f1 /x", "/unbind"])
      expect(terminalCommand(refused)?.kind, refused).toBe("usage");
  });

  it("replaces the client's own colours with known ones, and back with default", () => {
    const blue = withSetting({ aliases: {} }, "color.yellow", "bluebright");
    expect(blue).toEqual({ ok: true, settings: { aliases: {}, colors: { yellow: "blueBright" } } });
    expect(withSetting({ aliases: {} }, "color.green", "#0A0")).toEqual({
      ok: true,
      settings: { aliases: {}, colors: { green: "#0a0" } },
    });
    expect(withSetting({ aliases: {}, colors: { yellow: "blue" } }, "color.yellow", "default")).toEqual({
      ok: true,
      settings: { aliases: {}, colors: {} },
    });
    expect(withSetting({ aliases: {} }, "color.yellow", "sparkly").ok).toBe(false);
    expect(withSetting({ aliases: {} }, "color.chartreuse", "red").ok).toBe(false);
  });

  it("keeps only well-formed colours and bindings from a hand-edited config.json", () => {
    const read = readSettings({
      colors: { yellow: "blue", teal: "red", red: "\u001b[31m" },
      keys: { "alt+s": "/search", "ctrl+c": "/quit", "alt+x": "not a command", "ctrl+o": 5 },
    });
    expect(read.colors).toEqual({ yellow: "blue" });
    expect(read.keys).toEqual({ "alt+s": "/search" });
  });
});
