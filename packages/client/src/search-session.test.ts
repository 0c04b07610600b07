import type { Ack, ClientEventPayload } from "@canaduck/contract";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { textMessage } from "./testing/chat-fixtures";
import { SearchSession, type SearchAnswer } from "./search-session";

type Payload = ClientEventPayload<"search:query">;

/** A server stand-in that answers each search when the test says so, in any order. */
function scriptedServer() {
  const asked: Array<{ payload: Payload; answer: (ack: Ack<SearchAnswer>) => void }> = [];
  const request = (payload: Payload) =>
    new Promise<Ack<SearchAnswer>>((resolve) => asked.push({ payload, answer: resolve }));
  return { asked, request };
}

const hit = (seq: number, text: string) => ({ target: "#dev", message: textMessage("c-dev", seq, "bob", text) });
const found = (texts: string[], next: string | null = null): Ack<SearchAnswer> => ({
  ok: true,
  data: {
    hits: texts.map((t, i) => hit(100 - i, t)),
    terms: [{ text: texts[0]?.split(" ")[0] ?? "", prefix: true }],
    next,
  },
});
/** Lets the awaits after an answer run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe("SearchSession", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends the query once typing pauses, not on every key", async () => {
    const server = scriptedServer();
    const session = new SearchSession({ request: server.request, debounceMs: 250 });
    for (const text of ["d", "de", "dep", "depl", "deploy"]) {
      session.type(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(server.asked).toHaveLength(0);
    expect(session.getState().status).toBe("searching");
    await vi.advanceTimersByTimeAsync(250);
    expect(server.asked.map((a) => a.payload)).toEqual([{ query: "deploy" }]);
    server.asked[0]?.answer(found(["deploy went fine"]));
    await settle();
    expect(session.getState()).toMatchObject({ status: "done", text: "deploy" });
    expect(session.getState().hits.map((h) => h.message.text)).toEqual(["deploy went fine"]);
  });

  it("shows only the newest query's answer, even when an older one arrives last", async () => {
    const server = scriptedServer();
    const session = new SearchSession({ request: server.request });
    session.searchNow("dep");
    session.searchNow("deploy");
    const [older, newer] = server.asked;
    newer?.answer(found(["deploy is done"]));
    await settle();
    older?.answer(found(["dependency bumped"]));
    await settle();
    expect(session.getState().text).toBe("deploy");
    expect(session.getState().hits.map((h) => h.message.text)).toEqual(["deploy is done"]);
  });

  it("keeps the previous hits on screen while the next query is on its way", async () => {
    const server = scriptedServer();
    const session = new SearchSession({ request: server.request });
    session.searchNow("deploy");
    server.asked[0]?.answer(found(["deploy is done"]));
    await settle();
    session.type("deploy fri");
    expect(session.getState()).toMatchObject({ status: "searching", text: "deploy fri" });
    expect(session.getState().hits).toHaveLength(1);
  });

  it("pages older results with the answer's cursor and appends them", async () => {
    const server = scriptedServer();
    const session = new SearchSession({ request: server.request });
    session.searchNow("deploy");
    server.asked[0]?.answer(found(["deploy 3", "deploy 2"], "cursor-1"));
    await settle();
    const more = session.loadMore();
    expect(session.getState().loadingMore).toBe(true);
    void session.loadMore(); // a second click while the page is loading asks nothing more
    expect(server.asked.map((a) => a.payload)).toEqual([{ query: "deploy" }, { query: "deploy", before: "cursor-1" }]);
    server.asked[1]?.answer(found(["deploy 1"]));
    await more;
    expect(session.getState().hits.map((h) => h.message.text)).toEqual(["deploy 3", "deploy 2", "deploy 1"]);
    expect(session.getState()).toMatchObject({ next: null, loadingMore: false });
    await session.loadMore(); // no next page: nothing is asked
    expect(server.asked).toHaveLength(2);
  });

  it("drops a page that arrives after the query was changed", async () => {
    const server = scriptedServer();
    const session = new SearchSession({ request: server.request });
    session.searchNow("deploy");
    server.asked[0]?.answer(found(["deploy 2"], "cursor-1"));
    await settle();
    const more = session.loadMore();
    session.searchNow("release");
    server.asked[1]?.answer(found(["deploy 1"]));
    await more;
    expect(session.getState()).toMatchObject({ text: "release", status: "searching", loadingMore: false });
    expect(session.getState().hits.map((h) => h.message.text)).toEqual(["deploy 2"]);
  });

  it("says why a query is refused without asking the server, and asks nothing for an empty box", async () => {
    const server = scriptedServer();
    const session = new SearchSession({ request: server.request });
    session.searchNow("deploy before:2026-13-45");
    expect(session.getState()).toMatchObject({ status: "refused", hits: [] });
    expect(session.getState().refusal).toMatch(/before: takes a date like 2026-12-01/);
    session.searchNow("x".repeat(501));
    expect(session.getState().refusal).toMatch(/at most 500 characters/);
    session.type("   ");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session.getState()).toMatchObject({ status: "idle", refusal: null, hits: [] });
    expect(server.asked).toHaveLength(0);
  });

  it("shows the server's refusal, and tries a rate-limited query again once the limit passes", async () => {
    const server = scriptedServer();
    const session = new SearchSession({ request: server.request });
    session.searchNow("deploy");
    server.asked[0]?.answer({
      ok: false,
      error: { code: "RATE_LIMITED", message: "Slow down: try again in a second.", retryAfterMs: 1_000 },
    });
    await settle();
    expect(session.getState()).toMatchObject({ status: "refused", refusal: "Slow down: try again in a second." });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.asked).toHaveLength(2);
    server.asked[1]?.answer(found(["deploy is done"]));
    await settle();
    expect(session.getState()).toMatchObject({ status: "done", refusal: null });
  });

  it("asks nothing more once disposed, and drops an answer still on its way", async () => {
    const server = scriptedServer();
    const session = new SearchSession({ request: server.request });
    const seen = vi.fn();
    session.subscribe(seen);
    session.searchNow("deploy");
    session.type("deploy again");
    session.dispose();
    server.asked[0]?.answer(found(["deploy is done"]));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(server.asked).toHaveLength(1);
    expect(session.getState().status).toBe("searching");
    seen.mockClear();
    session.searchNow("more");
    expect(seen).not.toHaveBeenCalled();
  });
});
