import { planInput, type Notice } from "@canaduck/client";
import type { OlderState } from "../lines/pane-lines";

/** Notes the terminal view writes itself (help, refusals, connection changes); older ones fall off. */
const MAX_NOTES = 200;

/** What the chat screen remembers besides the chat state: scrolling, the member list, its own notes. */
export interface ViewState {
  /** Rows scrolled up from the newest line; 0 follows new lines. */
  scroll: number;
  /** Null: shown when the terminal is wide enough. */
  showMembers: boolean | null;
  notes: Notice[];
  nextNoteId: number;
  older: OlderState;
  /**
   * The line a jump (`/goto`) showed, marked until the user returns to the newest lines; `placed`
   * once the pane was scrolled to it (later scrolling is the user's).
   */
  focus: { channelId: string; key: string; placed: boolean } | null;
  /** /clear, per window: its lines up to `seq` and notes up to `at` are no longer drawn. */
  cleared: Record<string, { seq: number; at: number }>;
}

export const initialView: ViewState = {
  scroll: 0,
  showMembers: null,
  notes: [],
  nextNoteId: 1,
  older: "idle",
  focus: null,
  cleared: {},
};

export type ViewAction =
  /** PageUp / PageDown by a page of `page` rows, within `total` rows of which `page` are visible. */
  | { type: "scroll"; direction: "up" | "down"; page: number; total: number }
  /** New rows arrived below while scrolled up: keep the same lines in view. */
  | { type: "grew"; rows: number }
  /** Back to the newest line, leaving a jump. */
  | { type: "reset-scroll" }
  /** Another conversation is shown: from its newest line, unless a jump (a search result) led there. */
  | { type: "switched"; channelId: string | null }
  /** A jump found its line (by its pane line's key): mark it and scroll to it once it is laid out. */
  | { type: "jumped"; channelId: string; key: string }
  /** The jump's line is in view at this scroll offset. */
  | { type: "placed"; scroll: number }
  | { type: "toggle-members"; shownNow: boolean }
  | { type: "note"; kind: Notice["kind"]; text: string; channelId: string | null; now: number }
  | { type: "older"; state: OlderState }
  | { type: "clear"; channelId: string; seq: number; now: number };

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case "scroll": {
      const step = Math.max(1, action.page - 1);
      const top = Math.max(0, action.total - action.page);
      const scroll = action.direction === "up" ? Math.min(top, state.scroll + step) : Math.max(0, state.scroll - step);
      if (scroll === state.scroll) return state;
      // Paged back down to the newest lines: a jump's mark has done its work.
      return { ...state, scroll, focus: scroll === 0 ? null : state.focus };
    }
    case "clear":
      return {
        ...state,
        scroll: 0,
        cleared: { ...state.cleared, [action.channelId]: { seq: action.seq, at: action.now } },
      };
    case "grew":
      return state.scroll === 0 || action.rows <= 0 ? state : { ...state, scroll: state.scroll + action.rows };
    case "reset-scroll":
      return state.scroll === 0 && state.focus === null ? state : { ...state, scroll: 0, focus: null };
    case "switched":
      if (state.focus?.channelId !== action.channelId) return viewReducer(state, { type: "reset-scroll" });
      return { ...state, scroll: 0, focus: { ...state.focus, placed: false } };
    case "jumped":
      return { ...state, focus: { channelId: action.channelId, key: action.key, placed: false } };
    case "placed":
      return state.focus === null
        ? state
        : { ...state, scroll: action.scroll, focus: { ...state.focus, placed: true } };
    case "toggle-members":
      return { ...state, showMembers: !action.shownNow };
    case "note": {
      const note: Notice = {
        id: state.nextNoteId,
        kind: action.kind,
        text: action.text,
        channelId: action.channelId,
        createdAt: action.now,
      };
      return { ...state, notes: [...state.notes, note].slice(-MAX_NOTES), nextNoteId: state.nextNoteId + 1 };
    }
    case "older":
      return state.older === action.state ? state : { ...state, older: action.state };
  }
}

/** Whether the view is scrolled to the top of what is loaded, where PageUp asks for older history. */
export const atTop = (scroll: number, total: number, page: number): boolean => scroll >= Math.max(0, total - page);

/**
 * Whether sending `text` keeps the pane where it is: the line commands (/react, /reply, /goto, …)
 * count from the bottom of the lines shown, so they must still be shown; anything else returns to
 * the newest lines, where what was sent appears.
 */
export function keepsView(text: string, currentTarget?: string): boolean {
  const plan = planInput(text, currentTarget);
  return plan.kind === "line" || plan.kind === "goto";
}
