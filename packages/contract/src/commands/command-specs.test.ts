import { describe, expect, it } from "vitest";
import { isClientEventName } from "../events/client-events";
import { commandBuilders } from "./command-builders";
import { commandAliases, commandNames, commandSpecs, resolveCommandName } from "./command-specs";

describe("commandSpecs", () => {
  it.each(commandNames)("/%s has a usage starting with its name and an arity that fits it", (name) => {
    const { usage, minArgs, maxArgs, event } = commandSpecs[name];
    expect(usage.split(" ")[0]).toBe(`/${name}`);
    const words = usage.split(" ").slice(1);
    expect(minArgs).toBe(words.filter((word) => !word.startsWith("[")).length);
    expect(maxArgs).toBeGreaterThanOrEqual(minArgs);
    if (Number.isFinite(maxArgs)) expect(maxArgs).toBe(words.length);
    for (const sent of event === null ? [] : typeof event === "string" ? [event] : event)
      expect(isClientEventName(sent)).toBe(true);
    expect(commandBuilders[name]).toBeTypeOf("function");
  });

  it("resolves names, /names, any case and aliases", () => {
    expect(resolveCommandName("kick")).toBe("kick");
    expect(resolveCommandName("/Kick")).toBe("kick");
    expect(resolveCommandName("j")).toBe("join");
    // irssi's: /q opens a query; quitting takes /quit.
    expect(resolveCommandName("/q")).toBe("query");
    expect(resolveCommandName("whois")).toBe("whois");
    expect(resolveCommandName("wh")).toBeNull();
    expect(resolveCommandName("toString")).toBeNull();
  });

  it("has aliases only for commands that exist and that are not commands themselves", () => {
    for (const [alias, name] of Object.entries(commandAliases)) {
      expect(commandNames).toContain(name);
      expect(commandNames).not.toContain(alias);
    }
  });
});
