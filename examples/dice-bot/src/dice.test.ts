import { describe, expect, it } from "vitest";
import { describeRoll, parseRoll, roll } from "./dice";

describe("the dice bot's rolls", () => {
  it("reads the usual ways of asking", () => {
    expect(parseRoll("!roll 2d6")).toEqual({ kind: "roll", roll: { count: 2, sides: 6, bonus: 0 } });
    expect(parseRoll("!roll d20+3")).toEqual({ kind: "roll", roll: { count: 1, sides: 20, bonus: 3 } });
    expect(parseRoll("!ROLL 3d8 - 2")).toEqual({ kind: "roll", roll: { count: 3, sides: 8, bonus: -2 } });
    expect(parseRoll("!roll")).toEqual({ kind: "roll", roll: { count: 1, sides: 6, bonus: 0 } });
  });

  it("ignores other lines, and explains a roll it cannot make", () => {
    expect(parseRoll("let's roll 2d6")).toEqual({ kind: "none" });
    expect(parseRoll("!rolling")).toEqual({ kind: "none" });
    const banana = parseRoll("!roll banana");
    expect(banana.kind === "help" && banana.reply).toContain("usage: !roll NdS");
    expect(parseRoll("!roll 0d6")).toMatchObject({ kind: "help" });
    expect(parseRoll("!roll 101d6")).toMatchObject({ kind: "help" });
    expect(parseRoll("!roll 2d1")).toMatchObject({ kind: "help" });
  });

  it("rolls each die from 1 to its sides and adds it up", () => {
    const request = { count: 3, sides: 6, bonus: 1 };
    expect(roll(request, () => 0)).toEqual([1, 1, 1]);
    expect(roll(request, () => 0.9999)).toEqual([6, 6, 6]);
    expect(describeRoll("alice", request, [3, 5, 6])).toBe("alice rolled 3d6+1: 3 + 5 + 6 + 1 = 15");
    expect(describeRoll("bob", { count: 1, sides: 20, bonus: -2 }, [7])).toBe("bob rolled 1d20-2: 7 + -2 = 5");
  });
});
