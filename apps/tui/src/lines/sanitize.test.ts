import { describe, expect, it } from "vitest";
import { sanitize } from "./sanitize";

describe("the sanitiser of everything drawn", () => {
  it("removes a clipboard write (OSC 52) and a title change whole, however they end", () => {
    expect(sanitize("bob\u001b]52;c;cHduZWQ=\u0007!")).toBe("bob!");
    expect(sanitize("a\u001b]0;owned\u001b\\b")).toBe("ab");
    expect(sanitize("a\u009d2;owned\u009cb")).toBe("ab");
    expect(sanitize("a\u001b]0;never ends")).toBe("a");
  });

  it("removes CSI sequences (colours, cursor moves, clearing) with their parameters", () => {
    expect(sanitize("\u001b[31mred\u001b[0m \u001b[2J\u001b[10;5Hhere \u009b1mx")).toBe("red here x");
  });

  it("removes DCS, SOS, PM and APC strings, and other escapes", () => {
    expect(sanitize("a\u001bPq#0;1\u001b\\b\u001b_apc\u001b\\c\u001bXsos\u0007d\u001b^pm\u0007e")).toBe("abcde");
    expect(sanitize("reset\u001bc \u001b(Bcharset \u001b7saved")).toBe("reset charset saved");
  });

  it("removes C0 and C1 controls and bidirectional controls, keeping line breaks, text and emoji", () => {
    expect(sanitize("a\u0000b\u0008c\rd\u007fe\u0085f\u009cg")).toBe("abcdefg");
    expect(sanitize("\u202eevil\u202c \u2067x\u2069 \u200fy\u200e\u061c")).toBe("evil x y");
    expect(sanitize("two\nlines\tand tab")).toBe("two\nlines and tab");
    // The ZWJ sequence is drawn as its parts, the width every terminal agrees on (steady-emoji).
    expect(sanitize("👩‍💻 café ✓ 日本")).toBe("👩💻 café ✓ 日本");
    expect(sanitize("a\u2028b")).toBe("a b");
  });
});
