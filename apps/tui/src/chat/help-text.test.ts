import { commandNames } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { helpText } from "./help-text";

describe("/help", () => {
  it("lists every command of the shared grammar and the keys, including how to switch windows", () => {
    const text = helpText();
    for (const name of commandNames) expect(text).toContain(`/${name}`);
    expect(text).toContain("Alt+1…9");
    expect(text).toContain("Ctrl+N, Ctrl+P");
    for (const command of ["/window move N", "/close", "/q nick", "Alt+A", "Ctrl+Y"]) expect(text).toContain(command);
  });

  it("explains one command by name or short form", () => {
    expect(helpText("j")).toBe("/join #chan\n  Join a channel, creating it if it does not exist.\n  Short form: /j");
  });
});
