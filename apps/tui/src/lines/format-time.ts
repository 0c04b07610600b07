const two = (n: number) => String(n).padStart(2, "0");

/** The clock every time is shown in: 24-hour unless the user asked for 12 (`--clock 12`). */
export type Clock = "24" | "12";
let clock: Clock = "24";

/** Set once at start from the configuration; every timestamp and expiry follows it. */
export const setClock = (value: Clock): void => {
  clock = value;
};

/** "09:30" (or "9:30am" on the 12-hour clock) in the local time zone: the timestamp before every line. */
export const formatTime = (at: number): string => {
  const d = new Date(at);
  if (clock === "24") return `${two(d.getHours())}:${two(d.getMinutes())}`;
  const hours = d.getHours() % 12 === 0 ? 12 : d.getHours() % 12;
  return `${hours}:${two(d.getMinutes())}${d.getHours() < 12 ? "am" : "pm"}`;
};

/** "2026-11-24": the local day, for the line that marks a change of day. */
export const formatDay = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
};

/** "2026-11-24 09:30": a moment further off than today, such as when a ban ends; the same clock as the lines. */
export const formatDateTime = (at: number): string => `${formatDay(at)} ${formatTime(at)}`;
