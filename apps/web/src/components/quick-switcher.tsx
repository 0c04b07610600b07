import { conversationList } from "@canaduck/client";
import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { sameItems, useChatState } from "../lib/chat-context";
import { filterEntries } from "../lib/channel-nav";
import { Modal } from "./modal";

/** Ctrl+K: type part of a name, Enter opens it. */
export function QuickSwitcher({ onClose, onSelect }: { onClose: () => void; onSelect: (channelId: string) => void }) {
  const entries = useChatState(conversationList, sameItems);
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState(0);
  const ids = { input: useId(), list: useId() };
  const shown = useMemo(() => filterEntries(entries, query), [entries, query]);
  const at = Math.min(index, Math.max(0, shown.length - 1));

  const choose = (id: string | undefined) => {
    if (id === undefined) return;
    onClose();
    onSelect(id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (shown.length > 0) setIndex((at + (e.key === "ArrowDown" ? 1 : -1) + shown.length) % shown.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      choose(shown[at]?.id);
    }
  };

  return (
    <Modal title="Jump to a conversation" onClose={onClose} className="switcher">
      <label htmlFor={ids.input} className="visually-hidden">
        Conversation name
      </label>
      <input
        id={ids.input}
        value={query}
        placeholder="Type a channel or a name"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded="true"
        aria-controls={ids.list}
        aria-activedescendant={shown[at] ? `${ids.list}-${at}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={ids.list} role="listbox" aria-label="Conversations" className="switcher-list">
        {shown.map((e, i) => (
          <li
            key={e.id}
            id={`${ids.list}-${i}`}
            role="option"
            aria-selected={i === at}
            className={i === at ? "suggestion selected" : "suggestion"}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => choose(e.id)}
          >
            <span className="suggestion-name">
              {e.kind === "direct" ? "@" : ""}
              {e.name}
            </span>
            {e.unread > 0 && <span className="badge">{e.unread}</span>}
          </li>
        ))}
        {shown.length === 0 && (
          <li role="option" aria-selected="false" aria-disabled="true" className="muted">
            Nothing matches.
          </li>
        )}
      </ul>
    </Modal>
  );
}
