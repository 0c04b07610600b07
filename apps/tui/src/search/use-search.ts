import { errorLine, type ChatClient } from "@canaduck/client";
import { useCallback, useReducer, useRef } from "react";
import { searchReducer, type SearchAction, type SearchWindow } from "./search-state";

/**
 * The results window's state and its requests: `start` runs a new search (replacing the
 * results), `more` fetches the next page with the last answer's cursor. The state lives in a ref
 * as well, so keys that arrive in one chunk each see the moves before them.
 */
export function useSearch(client: ChatClient) {
  const current = useRef<SearchWindow | null>(null);
  const [results, setResults] = useReducer((_: SearchWindow | null, next: SearchWindow | null) => next, null);

  const dispatch = useCallback((action: SearchAction) => {
    current.current = searchReducer(current.current, action);
    setResults(current.current);
    return current.current;
  }, []);

  const fetchPage = useCallback(
    async (id: number, query: string, before?: string) => {
      const ack = await client.request("search:query", { query, ...(before === undefined ? {} : { before }) }, true);
      if (ack.ok) dispatch({ type: "page", id, ...ack.data });
      else dispatch({ type: "refused", id, message: errorLine(ack.error) });
    },
    [client, dispatch],
  );

  const start = useCallback(
    (query: string) => {
      const started = dispatch({ type: "start", query });
      if (started) void fetchPage(started.id, query);
    },
    [dispatch, fetchPage],
  );

  const more = useCallback(() => {
    const before = current.current;
    if (!before || before.phase !== "idle" || before.next === null) return;
    const after = dispatch({ type: "more" });
    if (after && before.next !== null) void fetchPage(after.id, after.query, before.next);
  }, [dispatch, fetchPage]);

  const latest = useCallback(() => current.current, []);
  return { results, dispatch, start, more, latest };
}
