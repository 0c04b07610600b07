import type { UserSettings } from "@canaduck/contract";

const timeFormats: Record<UserSettings["clock"], Intl.DateTimeFormat> = {
  "24h": new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  "12h": new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit", hourCycle: "h12" }),
};
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "medium" });

/** A line's time as the user chose to read clocks (settings: 12- or 24-hour). */
export const shortTime = (iso: string, clock: UserSettings["clock"] = "24h"): string =>
  timeFormats[clock].format(new Date(iso));
export const fullTime = (iso: string): string => fullFormat.format(new Date(iso));
