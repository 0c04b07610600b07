import { describe, expect, it } from "vitest";
import { commandNames, commandSpecs } from "./command-specs";
import { helpLines } from "./help";

describe("helpLines", () => {
  it("lists every command's usage and help, one line each", () => {
    const lines = helpLines() ?? [];
    expect(lines).toHaveLength(commandNames.length);
    for (const [index, name] of commandNames.entries()) {
      expect(lines[index]).toMatch(
        new RegExp(`^${escape(commandSpecs[name].usage)} +${escape(commandSpecs[name].help)}$`),
      );
    }
  });

  it("lines the help column up", () => {
    const columns = (helpLines() ?? []).map((line, index) =>
      line.indexOf(commandSpecs[commandNames[index] ?? "help"].help),
    );
    expect(new Set(columns).size).toBe(1);
  });

  it("shows one command by name, /name or alias", () => {
    const kick = ["/kick nick [#chan] [reason]", "  Remove a member from a channel (operators)."];
    expect(helpLines("kick")).toEqual(kick);
    expect(helpLines("/kick")).toEqual(kick);
    expect(helpLines("KICK")).toEqual(kick);
    expect(helpLines("j")).toEqual(helpLines("join"));
  });

  it("mentions a command's short form", () => {
    expect(helpLines("query")).toContain("  Short form: /q");
  });

  it("returns null for an unknown command", () => {
    expect(helpLines("frobnicate")).toBeNull();
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
