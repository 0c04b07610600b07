import { commandSpecs, resolveCommandName, type Completion } from "@canaduck/contract";

/** The completions on offer; for commands, each with its usage and one-line help. */
export function SuggestionList({
  id,
  popup,
  index,
  onPick,
}: {
  id: string;
  popup: Completion;
  index: number;
  onPick: (index: number) => void;
}) {
  return (
    <ul
      className="suggestions"
      id={id}
      role="listbox"
      aria-label={popup.kind === "command" ? "Commands" : popup.kind === "channel" ? "Channels" : "Names"}
    >
      {popup.options.map((option, i) => {
        const command = popup.kind === "command" ? resolveCommandName(option) : null;
        const spec = command === null ? null : commandSpecs[command];
        return (
          <li
            key={option}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === index}
            className={i === index ? "suggestion selected" : "suggestion"}
            // Keeps focus in the composer: a click must not blur it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(i)}
          >
            <span className="suggestion-name">{spec ? spec.usage : option}</span>
            {spec && <span className="suggestion-help">{spec.help}</span>}
          </li>
        );
      })}
    </ul>
  );
}
