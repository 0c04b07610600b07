const unitSeconds = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
const isUnit = (unit: string): unit is keyof typeof unitSeconds => Object.hasOwn(unitSeconds, unit);

const DURATION_PATTERN = /^(\d+)([smhdw]?)$/i;

/** Seconds in a duration like `45s`, `10m`, `2h`, `3d`, `1w` or bare seconds (`90`); null when the word is not one. */
export function parseDuration(word: string): number | null {
  const match = DURATION_PATTERN.exec(word);
  if (!match) return null;
  const unit = (match[2] ?? "").toLowerCase();
  return Number(match[1]) * (isUnit(unit) ? unitSeconds[unit] : 1);
}
