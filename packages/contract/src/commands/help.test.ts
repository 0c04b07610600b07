import { describe, expect, it } from "vitest";
import { adminCommands, commandNames, commandSpecs } from "./command-specs";
import { helpEntries, helpLines } from "./help";

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

describe("helpEntries", () => {
  it("gives what helpLines says as data: usage, help and short forms, admins' commands for admins only", () => {
    const all = helpEntries() ?? [];
    expect(all.map((e) => e.name)).toEqual(commandNames);
    const member = helpEntries(undefined, false) ?? [];
    expect(member.some((e) => adminCommands.has(e.name))).toBe(false);
    expect(member.length).toBe(commandNames.length - adminCommands.size);
    expect(helpEntries("q")).toEqual([
      { name: "query", usage: commandSpecs.query.usage, help: commandSpecs.query.help, aliases: ["/q"] },
    ]);
    expect(helpEntries("frobnicate")).toBeNull();
  });
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
