import { helpEntries, type HelpEntry } from "@canaduck/contract";
import { useCallback } from "react";
import { useChatState } from "../lib/chat-context";

/**
 * /help laid out as a list: each command's usage beside what it does, in two aligned columns on
 * a wide screen and one above the other on a phone. It sits between the conversation and the
 * composer with its own scroll, so the lines above stay in view; ✕ or Escape closes it.
 */
export function HelpPanel({ entries, onClose }: { entries: HelpEntry[]; onClose: () => void }) {
  const one = entries.length === 1 ? entries[0] : undefined;
  const title = one ? `Help for /${one.name}` : "Commands";
  return (
    <section
      className="help-panel"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <div className="help-head">
        <h2>{title}</h2>
        {!one && <span className="muted help-tip">Type / in the message box to pick one.</span>}
        <button type="button" className="icon-button" aria-label="Close help" onClick={onClose}>
          ✕
        </button>
      </div>
      {/* Focusable, so the list scrolls from the keyboard too. */}
      <dl className="help-list" tabIndex={0}>
        {entries.map((e) => (
          <div className="help-entry" key={e.name}>
            <dt>
              <code>{e.usage}</code>
            </dt>
            <dd>
              {e.help}
              {e.aliases.length > 0 && <span className="muted"> Short form: {e.aliases.join(", ")}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The entries `/help [command]` shows this user (the admins' commands to admins only); null for an unknown command. */
export function useHelpEntries(): (command?: string) => HelpEntry[] | null {
  const isAdmin = useChatState((s) => s.me?.isAdmin ?? false);
  return useCallback((command?: string) => helpEntries(command, isAdmin), [isAdmin]);
}
