import type { Row } from "../lines/segments";
import { wrapSegments } from "../lines/wrap";
import { hitRows } from "./hit-line";
import type { SearchLayout, SearchWindow } from "./search-state";

/** The window's name in the list and the status bar. */
export const searchWindowName = (window: SearchWindow): string => `search: ${window.query}`;

const KEYS = "↑/↓ select · Enter or /goto n opens · PageDown at the end: more · Esc closes";

function headline(window: SearchWindow): Row {
  const title = { text: `Search: ${window.query}`, bold: true };
  if (window.refusal !== null) return [title, { text: ` — ${window.refusal}`, color: "red" }];
  if (window.phase === "loading") return [title, { text: " — searching…", dim: true }];
  if (window.hits.length === 0) return [title, { text: " — no results", color: "yellow" }];
  const count = `${window.hits.length}${window.next === null ? "" : "+"}`;
  return [title, { text: ` — ${count} result${window.hits.length === 1 ? "" : "s"}, newest first`, dim: true }];
}

function footer(window: SearchWindow): Row {
  if (window.phase === "more") return [{ text: "— loading more results… —", dim: true }];
  if (window.next !== null) return [{ text: "— more results: PageDown or ↓ —", color: "cyan" }];
  return [{ text: "— end of results —", dim: true }];
}

/** Every row of the results window at `width`, and where each result sits among them. */
export function searchRows(
  window: SearchWindow,
  width: number,
  height: number,
  now: number,
): { rows: Row[]; layout: SearchLayout } {
  const rows: Row[] = [
    ...wrapSegments(headline(window), width, 2),
    window.hint === null ? [{ text: KEYS, dim: true }] : [{ text: window.hint, color: "yellow" }],
    [],
  ];
  const starts: number[] = [];
  const ends: number[] = [];
  window.hits.forEach((hit, i) => {
    starts.push(rows.length);
    rows.push(...hitRows(hit, window.terms, i + 1, i === window.selected, width, now));
    ends.push(rows.length);
  });
  if (window.hits.length > 0) rows.push([], footer(window));
  return { rows, layout: { starts, ends, total: rows.length, height } };
}
