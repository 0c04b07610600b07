/** "bob is typing…", "bob and ann are typing…", "Several people are typing…". */
export function typingText(names: readonly string[]): string {
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  if (sorted.length === 0) return "";
  if (sorted.length === 1) return `${sorted[0]} is typing…`;
  if (sorted.length === 2) return `${sorted[0]} and ${sorted[1]} are typing…`;
  if (sorted.length === 3) return `${sorted[0]}, ${sorted[1]} and ${sorted[2]} are typing…`;
  return "Several people are typing…";
}
