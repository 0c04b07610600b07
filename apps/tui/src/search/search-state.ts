import type { SearchTerm } from "@canaduck/contract";
import type { SearchHit } from "./hit-line";

/**
 * The results window of `/search`: one at a time (a new search replaces it), listed with the
 * conversations while it is open. `shown` says whether it is the window on screen or waits in
 * the list behind a conversation.
 */
export interface SearchWindow {
  query: string;
  /** Which search this is: an answer to an older one (replaced meanwhile) is dropped. */
  id: number;
  /** "loading" the first page, "more" an older one. */
  phase: "loading" | "more" | "idle";
  hits: SearchHit[];
  terms: SearchTerm[];
  /** The cursor of the next (older) page; null when there is none. */
  next: string | null;
  /** The server's refusal (its message), shown in the window. */
  refusal: string | null;
  /** Why the last key or command did nothing (a /goto past the results), until the next one. */
  hint: string | null;
  /** Index of the selected result. */
  selected: number;
  /** First row in view. */
  top: number;
  shown: boolean;
}

/** Where each result sits among the window's rows, as the view laid them out. */
export interface SearchLayout {
  /** First row of each result. */
  starts: readonly number[];
  /** The row after the last of each result. */
  ends: readonly number[];
  /** All rows, header and footer included. */
  total: number;
  /** Rows the pane shows. */
  height: number;
}

export type SearchAction =
  | { type: "start"; query: string }
  | { type: "page"; id: number; hits: SearchHit[]; terms: SearchTerm[]; next: string | null }
  | { type: "refused"; id: number; message: string }
  | { type: "more" }
  | { type: "hint"; text: string }
  | { type: "move"; by: number; layout: SearchLayout }
  | { type: "scroll"; direction: "up" | "down"; layout: SearchLayout }
  | { type: "show" }
  | { type: "hide" }
  | { type: "close" };

const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

/** The top row that keeps result `index` in view, moving as little as possible from `top`. */
function topFor(index: number, top: number, layout: SearchLayout): number {
  const start = layout.starts[index] ?? 0;
  const end = layout.ends[index] ?? start;
  const last = Math.max(0, layout.total - layout.height);
  // The first result brings the header back; the last one the footer (which says whether there is more).
  if (index === 0) return 0;
  if (index === layout.starts.length - 1) return clamp(Math.max(top, end - layout.height, last), 0, start);
  if (start < top) return start;
  if (end > top + layout.height) return Math.min(start, end - layout.height);
  return top;
}

/** The result to select after a page scroll: the selected one if still in view, else the first in view. */
function selectedInView(selected: number, top: number, layout: SearchLayout): number {
  const visible = (i: number) =>
    (layout.starts[i] ?? 0) < top + layout.height && (layout.ends[i] ?? 0) > top && (layout.starts[i] ?? 0) >= top;
  if (visible(selected)) return selected;
  const first = layout.starts.findIndex((_, i) => visible(i));
  return first === -1 ? selected : first;
}

export function searchReducer(state: SearchWindow | null, action: SearchAction): SearchWindow | null {
  if (action.type === "start")
    return {
      query: action.query,
      id: (state?.id ?? 0) + 1,
      phase: "loading",
      hits: [],
      terms: [],
      next: null,
      refusal: null,
      hint: null,
      selected: 0,
      top: 0,
      shown: true,
    };
  if (state === null) return null;
  switch (action.type) {
    case "page":
      if (action.id !== state.id) return state;
      return {
        ...state,
        phase: "idle",
        hits: [...state.hits, ...action.hits],
        terms: action.terms,
        next: action.next,
        refusal: null,
      };
    case "refused":
      return action.id === state.id ? { ...state, phase: "idle", refusal: action.message } : state;
    case "hint":
      return { ...state, hint: action.text };
    case "more":
      return state.phase === "idle" && state.next !== null ? { ...state, phase: "more" } : state;
    case "move": {
      if (state.hits.length === 0) return state;
      const selected = clamp(state.selected + action.by, 0, state.hits.length - 1);
      return { ...state, hint: null, selected, top: topFor(selected, state.top, action.layout) };
    }
    case "scroll": {
      const { layout } = action;
      const step = Math.max(1, layout.height - 1);
      const top = clamp(
        state.top + (action.direction === "up" ? -step : step),
        0,
        Math.max(0, layout.total - layout.height),
      );
      return { ...state, hint: null, top, selected: selectedInView(state.selected, top, layout) };
    }
    case "show":
      return state.shown ? state : { ...state, shown: true };
    case "hide":
      return state.shown ? { ...state, shown: false } : state;
    case "close":
      return null;
  }
}

/**
 * Whether the key that moved the window was pressed at its end, where it asks for the next page:
 * ↓ on the last result, or PageDown with the last row already in view.
 */
export function atEnd(state: SearchWindow, layout: SearchLayout, key: "down" | "page-down"): boolean {
  if (key === "down") return state.selected >= state.hits.length - 1;
  return state.top + layout.height >= layout.total;
}
