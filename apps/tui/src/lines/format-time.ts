const two = (n: number) => String(n).padStart(2, "0");

/** "09:30" in the local time zone: the timestamp before every line. */
export const formatTime = (at: number): string => {
  const d = new Date(at);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
};

/** "2026-11-24": the local day, for the line that marks a change of day. */
export const formatDay = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
};
