/** A roll asked for in a line: `!roll 2d6`, `!roll d20`, `!roll 3d8+2`. */
export interface RollRequest {
  count: number;
  sides: number;
  bonus: number;
}

export const MAX_DICE = 100;
export const MAX_SIDES = 1000;

const ROLL = /^!roll(?:\s+(\d{0,3})d(\d{1,4})(?:\s*([+-])\s*(\d{1,4}))?)?\s*$/i;

/**
 * What a line asks of the bot: nothing (not a `!roll`), a roll, or a reply explaining the
 * syntax (a `!roll` it cannot make sense of, or dice out of bounds).
 */
export function parseRoll(
  text: string,
): { kind: "none" } | { kind: "roll"; roll: RollRequest } | { kind: "help"; reply: string } {
  if (!/^!roll\b/i.test(text.trim())) return { kind: "none" };
  const match = ROLL.exec(text.trim());
  if (!match) return { kind: "help", reply: "usage: !roll NdS[+B], e.g. !roll 2d6 or !roll d20+3" };
  if (match[2] === undefined) return { kind: "roll", roll: { count: 1, sides: 6, bonus: 0 } };
  const count = match[1] === undefined || match[1] === "" ? 1 : Number(match[1]);
  const sides = Number(match[2]);
  const bonus = (match[3] === "-" ? -1 : 1) * Number(match[4] ?? 0);
  if (count < 1 || count > MAX_DICE || sides < 2 || sides > MAX_SIDES)
    return { kind: "help", reply: `between 1 and ${MAX_DICE} dice of 2 to ${MAX_SIDES} sides, please` };
  return { kind: "roll", roll: { count, sides, bonus } };
}

/** The dice as rolled, one number per die, each from 1 to `sides`. */
export function roll(request: RollRequest, random: () => number = Math.random): number[] {
  return Array.from({ length: request.count }, () => 1 + Math.floor(random() * request.sides));
}

/** `alice rolled 2d6+1: 3 + 5 + 1 = 9`. */
export function describeRoll(who: string, request: RollRequest, dice: number[]): string {
  const bonus = request.bonus === 0 ? "" : request.bonus > 0 ? `+${request.bonus}` : String(request.bonus);
  const total = dice.reduce((sum, die) => sum + die, 0) + request.bonus;
  const terms = [...dice.map(String), ...(request.bonus === 0 ? [] : [String(request.bonus)])];
  return `${who} rolled ${request.count}d${request.sides}${bonus}: ${terms.join(" + ")} = ${total}`;
}
