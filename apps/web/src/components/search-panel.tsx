import type { SearchHit, SearchSession, SearchState } from "@canaduck/client/search";
import { limits } from "@canaduck/contract";
import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { Modal } from "./modal";
import { SearchHitView } from "./search-hit";
import "../styles/search.css";

// Loaded with the panel, not with the first page: the chat screen makes its session from here.
export { SearchSession } from "@canaduck/client/search";

interface SearchPanelProps {
  session: SearchSession;
  /** Text to search for at once (from `/search words`); absent, the last search is shown again. */
  initialQuery?: string | undefined;
  onOpen: (hit: SearchHit) => void;
  onClose: () => void;
}

const FILTER_HINT = 'Filters: from:nick  in:#channel  before: / after: / on:2026-12-01  has:link  "a phrase"';

/**
 * Ctrl+F, the header's search button or `/search`: results appear as you type, newest first;
 * ↑/↓ choose one, Enter or a click opens it at its line, Esc closes. Loaded on first use.
 */
export function SearchPanel({ session, initialQuery, onOpen, onClose }: SearchPanelProps) {
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const [text, setText] = useState(() => initialQuery ?? session.getState().text);
  const [index, setIndex] = useState(0);
  const ids = { input: useId(), list: useId(), hint: useId() };
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (initialQuery !== undefined) session.searchNow(initialQuery);
    // Shown again: the last query is selected, so typing replaces it.
    else input.current?.select();
  }, [session, initialQuery]);

  const { hits, status } = state;
  const at = Math.min(index, Math.max(0, hits.length - 1));
  const optionId = (i: number) => `${ids.list}-${i}`;
  useEffect(() => {
    document.getElementById(optionId(at))?.scrollIntoView?.({ block: "nearest" });
  });

  const open = (hit: SearchHit | undefined) => {
    if (hit) onOpen(hit);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const down = e.key === "ArrowDown";
      // ↓ past the last result loaded fetches the next page, as scrolling a list would.
      if (down && at === hits.length - 1 && state.next !== null) void session.loadMore();
      if (hits.length > 0) setIndex(Math.max(0, Math.min(hits.length - 1, at + (down ? 1 : -1))));
    } else if (e.key === "Enter") {
      e.preventDefault();
      // Hits of text since typed over are not what Enter means: search the text as it stands.
      if (status === "searching") session.searchNow(text);
      else open(hits[at]);
    }
  };

  return (
    <Modal title="Search messages" onClose={onClose} className="search-panel">
      <label htmlFor={ids.input} className="visually-hidden">
        Search messages
      </label>
      <input
        ref={input}
        id={ids.input}
        type="search"
        value={text}
        maxLength={limits.searchQueryMaxLength}
        placeholder="Words to find, and filters"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={ids.list}
        aria-describedby={ids.hint}
        aria-activedescendant={hits[at] ? optionId(at) : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setIndex(0);
          session.type(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={ids.hint} className="search-hint">
        {FILTER_HINT}
      </p>
      <p role="status" className={status === "refused" ? "search-status refused" : "search-status"}>
        {statusText(state)}
      </p>
      <ul
        id={ids.list}
        role="listbox"
        aria-label="Results"
        className="search-results"
        aria-busy={status === "searching"}
      >
        {hits.map((hit, i) => (
          <li
            key={hit.message.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === at}
            className={i === at ? "search-hit selected" : "search-hit"}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => open(hit)}
          >
            <SearchHitView hit={hit} terms={state.terms} />
          </li>
        ))}
      </ul>
      {status === "done" && state.next !== null && (
        <button
          type="button"
          className="button subtle search-more"
          disabled={state.loadingMore}
          onClick={() => void session.loadMore()}
        >
          {state.loadingMore ? "Loading…" : "More results"}
        </button>
      )}
    </Modal>
  );
}

function statusText({ status, hits, text, refusal, next }: SearchState): string {
  if (refusal !== null) return refusal;
  if (status === "idle") return "Type what to find: every word must be in the line.";
  if (status === "searching") return "Searching…";
  if (hits.length === 0) return `No results for “${text.trim()}”.`;
  const count = `${hits.length} result${hits.length === 1 ? "" : "s"}${next === null ? "" : " so far"}`;
  return `${count} for “${text.trim()}”, newest first.`;
}
