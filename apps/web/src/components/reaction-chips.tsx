import type { Reaction } from "@canaduck/contract";

const names = (r: Reaction) => r.users.map((u) => u.name).join(", ");

/** The reactions under a line: emoji and count, pressed when the user is among them; a click toggles theirs. */
export function ReactionChips({
  reactions,
  onToggle,
}: {
  reactions: readonly Reaction[];
  /** Absent when the line can no longer take reactions: the chips only show. */
  onToggle?: (emoji: string) => void;
}) {
  if (reactions.length === 0) return null;
  return (
    <ul className="reactions" aria-label="Reactions">
      {reactions.map((r) => (
        <li key={r.emoji}>
          <button
            type="button"
            className={r.me ? "reaction-chip mine" : "reaction-chip"}
            aria-pressed={r.me}
            aria-label={`${r.emoji} ${r.count}, from ${names(r)}`}
            title={`${names(r)} reacted with ${r.emoji}`}
            disabled={!onToggle}
            onClick={() => onToggle?.(r.emoji)}
          >
            <span aria-hidden="true">{r.emoji}</span> <span aria-hidden="true">{r.count}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
