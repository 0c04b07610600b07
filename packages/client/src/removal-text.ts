import type { ServerEventPayload } from "@canaduck/contract";

/** "for 10 minutes", "for 3 hours", "for 2 days": how long is left of a ban ending at `expiresAt`. */
export function banRemaining(expiresAt: string, now: number): string {
  const minutes = Math.round((Date.parse(expiresAt) - now) / 60_000);
  if (Number.isNaN(minutes) || minutes < 1) return "for less than a minute";
  if (minutes < 60) return `for ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `for ${hours} hour${hours === 1 ? "" : "s"}`;
  return `for ${Math.round(hours / 24)} days`;
}

/**
 * What a kicked or banned user is told: who did it, for how long, and why. "alice kicked you
 * from #ops: too loud", "alice banned you from #ops for 10 minutes: flooding", "… for good."
 */
export function removalText(left: ServerEventPayload<"channel:left">, now: number): string {
  const by = left.by ?? "An operator";
  const verb = left.reason === "ban" ? "banned" : "kicked";
  const length =
    left.reason !== "ban" || left.expiresAt === undefined
      ? ""
      : ` ${left.expiresAt === null ? "for good" : banRemaining(left.expiresAt, now)}`;
  const why = left.message ? `: ${left.message}` : ".";
  return `${by} ${verb} you from ${left.name}${length}${why}`;
}
