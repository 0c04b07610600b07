import { describe, expect, it } from "vitest";
import { noColorWanted, withoutColour } from "./no-color";

describe("NO_COLOR", () => {
  it("is wanted when set to anything but the empty string", () => {
    expect(noColorWanted({ NO_COLOR: "1" })).toBe(true);
    expect(noColorWanted({ NO_COLOR: "" })).toBe(false);
    expect(noColorWanted({})).toBe(false);
  });

  it("is wanted too on a monochrome terminal, by its TERM", () => {
    for (const TERM of ["dumb", "vt100", "vt220", "xterm-mono", "linux-m", "screen-bw"])
      expect(noColorWanted({ TERM }), TERM).toBe(true);
    for (const TERM of ["xterm-256color", "screen", "tmux-256color", "linux"])
      expect(noColorWanted({ TERM }), TERM).toBe(false);
  });

  it("takes the colours out and keeps bold, italic, inverse, strikethrough and resets", () => {
    const esc = "\u001b[";
    expect(withoutColour(`${esc}36mcyan${esc}39m`)).toBe("cyan");
    expect(withoutColour(`${esc}1;31mbold red${esc}22;39m`)).toBe(`${esc}1mbold red${esc}22m`);
    expect(withoutColour(`${esc}38;5;208mx${esc}48;2;1;2;3my${esc}0m`)).toBe(`xy${esc}0m`);
    expect(withoutColour(`${esc}3mi${esc}23m ${esc}7mc${esc}27m ${esc}9ms${esc}29m`)).toBe(
      `${esc}3mi${esc}23m ${esc}7mc${esc}27m ${esc}9ms${esc}29m`,
    );
    expect(withoutColour(`${esc}2J${esc}H`)).toBe(`${esc}2J${esc}H`);
  });
});
