import { TestServer } from "@canaduck/server/testing";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ChatClient } from "../src/chat-client";
import { SearchSession, type SearchState } from "../src/search-session";
import { waitForState } from "../src/wait-for-state";

let server: TestServer;
const clients: ChatClient[] = [];
const sessions: SearchSession[] = [];
beforeEach(async () => {
  // Forty-five lines in a row are past the per-user send limit.
  server = await new TestServer({ RATE_LIMITS: "off" }).start();
});
afterEach(async () => {
  for (const s of sessions.splice(0)) s.dispose();
  for (const c of clients.splice(0)) c.close();
  await server.dispose();
});

async function loggedIn(name: string): Promise<ChatClient> {
  const client = new ChatClient({ url: server.url });
  clients.push(client);
  await waitForState(client, (s) => s.status === "online");
  expect((await client.register(name, "long password 1")).ok).toBe(true);
  return client;
}

function searchOf(client: ChatClient): SearchSession {
  const session = new SearchSession({ request: (payload) => client.request("search:query", payload, true) });
  sessions.push(session);
  return session;
}

/** Resolves with the first state of the session that `done` accepts. */
function settled(session: SearchSession, done: (s: SearchState) => boolean): Promise<SearchState> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const state = session.getState();
      if (!done(state)) return;
      stop();
      resolve(state);
    };
    const off = session.subscribe(check);
    const timer = setTimeout(() => {
      off();
      reject(new Error(`search not settled: ${JSON.stringify({ ...session.getState(), hits: undefined })}`));
    }, 10_000);
    const stop = () => {
      off();
      clearTimeout(timer);
    };
    check();
  });
}

it("pages back through every match of a real server, newest first, each line once", async () => {
  const ann = await loggedIn("ann");
  expect(await ann.submit("/join #dev")).toBeNull();
  for (let i = 1; i <= 45; i += 1) {
    expect((await ann.sendMessage("#dev", `deploy number ${i}`)).ok).toBe(true);
    if (i % 10 === 0) expect((await ann.sendMessage("#dev", `unrelated ${i}`)).ok).toBe(true);
  }
  const session = searchOf(ann);
  // As typed: "depl" finds "deploy" as a prefix.
  session.type("depl");
  let state = await settled(session, (s) => s.status === "done");
  expect(state.hits[0]?.message.text).toBe("deploy number 45");
  while (state.next !== null) {
    const before = state.hits.length;
    void session.loadMore();
    state = await settled(session, (s) => !s.loadingMore && s.hits.length > before);
  }
  const texts = state.hits.map((h) => h.message.text);
  expect(texts).toEqual(Array.from({ length: 45 }, (_, i) => `deploy number ${45 - i}`));
  expect(state.hits.every((h) => h.target === "#dev")).toBe(true);
});
