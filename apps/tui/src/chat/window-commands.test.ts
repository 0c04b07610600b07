import { describe, expect, it } from "vitest";
import { windowCommand } from "./window-commands";

describe("the terminal's window commands", () => {
  it("reads /window N, /window move N, /close and irssi's /q nick", () => {
    expect(windowCommand("/window 4")).toEqual({ kind: "show", number: 4 });
    expect(windowCommand("/window move 2")).toEqual({ kind: "move", to: 2 });
    expect(windowCommand("/close")).toEqual({ kind: "close" });
    expect(windowCommand("/window close")).toEqual({ kind: "close" });
    expect(windowCommand("/q bob")).toEqual({ kind: "query", nick: "bob" });
  });

  it("answers a bare /q and a bad number with their usage, and leaves other lines to the grammar", () => {
    const bare = windowCommand("/q");
    expect(bare?.kind === "usage" && bare.text).toContain("/quit leaves");
    expect(windowCommand("/window move x")).toMatchObject({ kind: "usage" });
    expect(windowCommand("/window 0")).toMatchObject({ kind: "usage" });
    expect(windowCommand("/quit")).toBeNull();
    expect(windowCommand("hello /close")).toBeNull();
  });
});
