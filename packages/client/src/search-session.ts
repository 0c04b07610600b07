import {
  limits,
  parseSearchQuery,
  type Ack,
  type ClientEventPayload,
  type ClientEventResult,
  type SearchTerm,
} from "@canaduck/contract";

export type SearchAnswer = ClientEventResult<"search:query">;
export type SearchHit = SearchAnswer["hits"][number];
/** Sends one search:query; in the app, `client.request("search:query", payload, true)`. */
export type SearchRequest = (payload: ClientEventPayload<"search:query">) => Promise<Ack<SearchAnswer>>;

export interface SearchState {
  /** What the user typed. */
  text: string;
  /**
   * idle: nothing to search yet; searching: waiting for the pause in typing or for the answer
   * (the previous query's hits stay shown meanwhile); done: `hits` answer `text`; refused: `refusal` says why.
   */
  status: "idle" | "searching" | "done" | "refused";
  hits: readonly SearchHit[];
  /** The words to highlight in the hits. */
  terms: readonly SearchTerm[];
  /** The cursor of the next (older) page; null when there is none. */
  next: string | null;
  loadingMore: boolean;
  /** A refusal of the query, or of its next page, in the server's words. */
  refusal: string | null;
}

export interface SearchSessionOptions {
  request: SearchRequest;
  /** The pause in typing after which the query is sent. */
  debounceMs?: number;
}

export const initialSearchState: SearchState = {
  text: "",
  status: "idle",
  hits: [],
  terms: [],
  next: null,
  loadingMore: false,
  refusal: null,
};

/** Waits longer than this for a rate limit to pass are not waited out: the refusal stays. */
const RETRY_MAX_MS = 5_000;

/**
 * Search as you type, for both clients: the query is sent once typing pauses, only the newest
 * query's answer is ever shown (an answer to text typed over is dropped when it arrives), and
 * "more" fetches the next older page of the same query. Text the shared reader refuses is not
 * sent: the reason is shown at once, in the words the server would use.
 */
export class SearchSession {
  private state: SearchState = initialSearchState;
  private readonly listeners = new Set<() => void>();
  private readonly request: SearchRequest;
  private readonly debounceMs: number;
  /** Bumped by each new query: an answer carrying an older number is stale. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(options: SearchSessionOptions) {
    this.request = options.request;
    this.debounceMs = options.debounceMs ?? 250;
  }

  getState = (): SearchState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(change: Partial<SearchState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  /** The user typed: search once typing pauses. */
  type(text: string): void {
    this.start(text, this.debounceMs);
  }

  /** Search at once (Enter, or `/search words` typed in the composer). */
  searchNow(text: string): void {
    this.start(text, 0);
  }

  private start(text: string, delayMs: number): void {
    if (this.disposed) return;
    this.cancelTimer();
    const generation = ++this.generation;
    if (text.trim() === "") {
      this.set({ ...initialSearchState, text });
      return;
    }
    const reading = text.length > limits.searchQueryMaxLength ? null : parseSearchQuery(text);
    if (reading === null || !reading.ok) {
      const refusal =
        reading?.ok === false ? reading.message : `A search is at most ${limits.searchQueryMaxLength} characters.`;
      this.set({ ...initialSearchState, text, status: "refused", refusal });
      return;
    }
    this.set({ text, status: "searching", loadingMore: false });
    const send = () => void this.fetchFirst(generation, text);
    if (delayMs === 0) send();
    else this.timer = setTimeout(send, delayMs);
  }

  private async fetchFirst(generation: number, text: string): Promise<void> {
    this.timer = null;
    const ack = await this.request({ query: text });
    if (this.stale(generation)) return;
    if (ack.ok) {
      const { hits, terms, next } = ack.data;
      this.set({ status: "done", hits, terms, next, refusal: null });
      return;
    }
    this.set({ ...initialSearchState, text, status: "refused", refusal: ack.error.message });
    const wait = ack.error.retryAfterMs;
    // Typing fast can run into the rate limit: the newest query is tried again once it passes.
    if (ack.error.code === "RATE_LIMITED" && wait !== undefined && wait <= RETRY_MAX_MS)
      this.timer = setTimeout(() => void this.fetchFirst(generation, text), wait);
  }

  /** Fetches the next older page of the shown query and adds it below. */
  async loadMore(): Promise<void> {
    const { status, next, loadingMore, text } = this.state;
    if (this.disposed || status !== "done" || next === null || loadingMore) return;
    const generation = this.generation;
    this.set({ loadingMore: true });
    const ack = await this.request({ query: text, before: next });
    if (this.stale(generation)) return;
    if (ack.ok) this.set({ loadingMore: false, hits: [...this.state.hits, ...ack.data.hits], next: ack.data.next });
    else this.set({ loadingMore: false, refusal: ack.error.message });
  }

  private stale(generation: number): boolean {
    return this.disposed || generation !== this.generation;
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops: no more requests, and answers still on their way are dropped. */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.listeners.clear();
  }
}
