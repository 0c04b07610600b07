import { applyCompletion, completeInput, type Completion, type CompletionCandidates } from "@canaduck/contract";
import { nextBoundary, nextWord, previousBoundary, previousWord } from "./graphemes";

/** Lines kept for Up/Down. */
export const HISTORY_SIZE = 100;

/** A Tab cycle: the text as it was before the first Tab, and which option is showing. */
export interface CompletionCycle {
  text: string;
  completion: Completion;
  index: number;
}

export interface EditorState {
  value: string;
  /** UTF-16 offset into value, always on a grapheme boundary. */
  cursor: number;
  /** Sent lines, oldest first. */
  history: string[];
  /** Which history line is showing, or null when editing a fresh line. */
  historyIndex: number | null;
  /** The fresh line, kept while browsing history. */
  draft: string;
  completion: CompletionCycle | null;
  /** What Ctrl+U, Ctrl+K or Ctrl+W cut last, for Ctrl+Y to put back. */
  killed: string;
}

export type EditorAction =
  | { type: "insert"; text: string }
  | { type: "backspace" }
  | { type: "delete" }
  | { type: "left" }
  | { type: "right" }
  | { type: "word-left" }
  | { type: "word-right" }
  | { type: "home" }
  | { type: "end" }
  | { type: "kill-start" }
  | { type: "kill-end" }
  | { type: "kill-word" }
  | { type: "yank" }
  | { type: "history-previous" }
  | { type: "history-next" }
  | { type: "complete"; candidates: CompletionCandidates; backwards?: boolean }
  | { type: "submitted" };

export const emptyEditor: EditorState = {
  value: "",
  cursor: 0,
  history: [],
  historyIndex: null,
  draft: "",
  completion: null,
  killed: "",
};

const edit = (state: EditorState, value: string, cursor: number): EditorState => ({
  ...state,
  value,
  cursor,
  completion: null,
});

/** What Tab puts in: a nick that starts the line gets IRC's "nick: " form. */
function choiceText(completion: Completion, option: string): string {
  return completion.kind === "nick" && completion.start === 0 ? `${option}:` : option;
}

function complete(state: EditorState, candidates: CompletionCandidates, backwards: boolean): EditorState {
  const cycle = state.completion;
  if (cycle) {
    const count = cycle.completion.options.length;
    const index = (cycle.index + (backwards ? count - 1 : 1)) % count;
    const option = cycle.completion.options[index] ?? "";
    const applied = applyCompletion(cycle.text, cycle.completion, choiceText(cycle.completion, option));
    return { ...state, value: applied.text, cursor: applied.cursor, completion: { ...cycle, index } };
  }
  const completion = completeInput(state.value, state.cursor, candidates);
  const first = backwards ? completion.options[completion.options.length - 1] : completion.options[0];
  if (first === undefined) return state;
  const applied = applyCompletion(state.value, completion, choiceText(completion, first));
  const next = { ...state, value: applied.text, cursor: applied.cursor, completion: null };
  // A single option is final; several start a cycle that later Tabs walk through.
  return completion.options.length === 1
    ? next
    : { ...next, completion: { text: state.value, completion, index: backwards ? completion.options.length - 1 : 0 } };
}

function browse(state: EditorState, step: -1 | 1): EditorState {
  const { history } = state;
  if (history.length === 0) return state;
  const from = state.historyIndex ?? history.length;
  const to = Math.min(Math.max(from + step, 0), history.length);
  if (to === from) return state;
  const draft = state.historyIndex === null ? state.value : state.draft;
  const value = to === history.length ? draft : (history[to] ?? "");
  return {
    ...state,
    value,
    cursor: value.length,
    historyIndex: to === history.length ? null : to,
    draft,
    completion: null,
  };
}

/** The input line's editing, readline-style, as a pure function of the state and a key's action. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const { value, cursor } = state;
  switch (action.type) {
    case "insert": {
      // Pasted line breaks are handled by the caller; here they would only confuse the line.
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      const text = action.text.replace(/[\u0000-\u001f\u007f]/g, "");
      if (!text) return state;
      return edit(state, value.slice(0, cursor) + text + value.slice(cursor), cursor + text.length);
    }
    case "backspace": {
      const at = previousBoundary(value, cursor);
      return at === cursor ? state : edit(state, value.slice(0, at) + value.slice(cursor), at);
    }
    case "delete": {
      const at = nextBoundary(value, cursor);
      return at === cursor ? state : edit(state, value.slice(0, cursor) + value.slice(at), cursor);
    }
    case "left":
      return edit(state, value, previousBoundary(value, cursor));
    case "right":
      return edit(state, value, nextBoundary(value, cursor));
    case "word-left":
      return edit(state, value, previousWord(value, cursor));
    case "word-right":
      return edit(state, value, nextWord(value, cursor));
    case "home":
      return edit(state, value, 0);
    case "end":
      return edit(state, value, value.length);
    case "kill-start":
      return cursor === 0 ? state : { ...edit(state, value.slice(cursor), 0), killed: value.slice(0, cursor) };
    case "kill-end":
      return cursor === value.length
        ? state
        : { ...edit(state, value.slice(0, cursor), cursor), killed: value.slice(cursor) };
    case "kill-word": {
      const at = previousWord(value, cursor);
      return at === cursor
        ? state
        : { ...edit(state, value.slice(0, at) + value.slice(cursor), at), killed: value.slice(at, cursor) };
    }
    case "yank":
      return state.killed === ""
        ? state
        : edit(state, value.slice(0, cursor) + state.killed + value.slice(cursor), cursor + state.killed.length);
    case "history-previous":
      return browse(state, -1);
    case "history-next":
      return browse(state, 1);
    case "complete":
      return complete(state, action.candidates, action.backwards ?? false);
    case "submitted": {
      const line = value;
      const last = state.history[state.history.length - 1];
      const history =
        line.trim() === "" || line === last ? state.history : [...state.history, line].slice(-HISTORY_SIZE);
      return { ...emptyEditor, history, killed: state.killed };
    }
  }
}
