import { z } from "zod";

/** How many actions a key may take per window; null switches the limit off. */
export interface RateRule {
  points: number;
  durationSeconds: number;
}

const units = { s: 1, m: 60, h: 3600 } as const;
const RULE = /^(\d+)\s*\/\s*(\d+)\s*([smh])$/;

/** Reads `30/10s`, `10/15m` or `50/1h` (actions per window), or `off`. */
export const rateRuleSchema = z
  .string()
  .trim()
  .transform((text, ctx): RateRule | null => {
    if (text === "off") return null;
    const match = RULE.exec(text);
    const points = Number(match?.[1]);
    const amount = Number(match?.[2]);
    const unit = match?.[3] as keyof typeof units | undefined;
    if (!match || unit === undefined || points < 1 || amount < 1) {
      ctx.addIssue({
        code: "custom",
        message: `expected actions per window like 30/10s, 10/15m or 50/1h, or off; got "${text}"`,
      });
      return z.NEVER;
    }
    return { points, durationSeconds: amount * units[unit] };
  });

export const formatRule = (rule: RateRule | null): string =>
  rule === null ? "off" : `${rule.points}/${rule.durationSeconds}s`;
