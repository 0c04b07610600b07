import { SearchSession, type SearchAnswer } from "@canaduck/client/search";
import type { Ack, ClientEventPayload, Message } from "@canaduck/contract";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SearchPanel } from "./search-panel";

const line = (seq: number, text: string, over: Partial<Message> = {}): Message => ({
  id: `m${seq}`,
  channelId: "c-dev",
  seq,
  kind: "text",
  author: { id: "bob", name: "bob" },
  text,
  meta: {},
  createdAt: "2026-11-24T09:00:00.000Z",
  version: seq,
  ...over,
});

type Payload = ClientEventPayload<"search:query">;

/** A session whose server answers each query from `answer` at once. */
function sessionAnswering(answer: (payload: Payload) => Ack<SearchAnswer>) {
  const asked: Payload[] = [];
  const session = new SearchSession({
    debounceMs: 10,
    request: (payload) => {
      asked.push(payload);
      return Promise.resolve(answer(payload));
    },
  });
  return { session, asked };
}

const deployHits: Ack<SearchAnswer> = {
  ok: true,
  data: {
    hits: [
      { target: "#dev", message: line(9, "deploy on friday") },
      {
        target: "ann",
        message: line(4, "the deploy script", { channelId: "d-ann", author: { id: "ann", name: "ann" } }),
      },
    ],
    terms: [{ text: "deploy", prefix: true }],
    next: null,
  },
};

afterEach(cleanup);

describe("SearchPanel", () => {
  it("searches as you type and shows each hit's conversation, author and marked words", async () => {
    const { session, asked } = sessionAnswering(() => deployHits);
    render(<SearchPanel session={session} onOpen={vi.fn()} onClose={vi.fn()} />);
    await userEvent.setup().type(screen.getByRole("combobox", { name: "Search messages" }), "deploy");
    const options = await screen.findAllByRole("option");
    expect(asked.at(-1)).toEqual({ query: "deploy" });
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^#devbob.*deploy on friday$/),
      expect.stringMatching(/^@annann.*the deploy script$/),
    ]);
    expect([...document.querySelectorAll("mark")].map((m) => m.textContent)).toEqual(["deploy", "deploy"]);
    expect(screen.getByRole("status").textContent).toBe("2 results for “deploy”, newest first.");
  });

  it("shows hostile text as the text it is, never as markup", async () => {
    const hostile = '<img src=x onerror="alert(1)"> deploy';
    const { session } = sessionAnswering(() => ({
      ok: true,
      data: {
        hits: [{ target: "#dev", message: line(1, hostile) }],
        terms: [{ text: "deploy", prefix: false }],
        next: null,
      },
    }));
    render(<SearchPanel session={session} initialQuery="deploy" onOpen={vi.fn()} onClose={vi.fn()} />);
    const option = await screen.findByRole("option");
    expect(option.textContent).toContain(hostile);
    expect(document.querySelector("img")).toBeNull();
  });

  it("moves with ↑/↓, opens the chosen result with Enter, and closes with Esc", async () => {
    const { session } = sessionAnswering(() => deployHits);
    const onOpen = vi.fn();
    const onClose = vi.fn();
    render(<SearchPanel session={session} initialQuery="deploy" onOpen={onOpen} onClose={onClose} />);
    await screen.findAllByRole("option");
    const user = userEvent.setup();
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}{ArrowDown}");
    expect(screen.getAllByRole("option").map((o) => o.getAttribute("aria-selected"))).toEqual(["false", "true"]);
    await user.keyboard("{Enter}");
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ target: "ann" }));
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalled();
  });

  it("opens a result on click", async () => {
    const { session } = sessionAnswering(() => deployHits);
    const onOpen = vi.fn();
    render(<SearchPanel session={session} initialQuery="deploy" onOpen={onOpen} onClose={vi.fn()} />);
    const [first] = await screen.findAllByRole("option");
    if (first) await userEvent.setup().click(first);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ target: "#dev" }));
  });

  it("pages older results with the More results button", async () => {
    const { session, asked } = sessionAnswering((payload) => ({
      ok: true,
      data: {
        hits: [{ target: "#dev", message: line(payload.before ? 1 : 2, payload.before ? "deploy old" : "deploy new") }],
        terms: [{ text: "deploy", prefix: true }],
        next: payload.before ? null : "cursor-1",
      },
    }));
    render(<SearchPanel session={session} initialQuery="deploy" onOpen={vi.fn()} onClose={vi.fn()} />);
    await userEvent.setup().click(await screen.findByRole("button", { name: "More results" }));
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(2));
    expect(asked.at(-1)).toEqual({ query: "deploy", before: "cursor-1" });
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      expect.stringContaining("deploy new"),
      expect.stringContaining("deploy old"),
    ]);
    expect(screen.queryByRole("button", { name: "More results" })).toBeNull();
  });

  it("fetches the next page when ↓ goes past the last result loaded", async () => {
    const { session, asked } = sessionAnswering((payload) => ({
      ok: true,
      data: {
        hits: [{ target: "#dev", message: line(payload.before ? 1 : 2, payload.before ? "deploy old" : "deploy new") }],
        terms: [{ text: "deploy", prefix: true }],
        next: payload.before ? null : "cursor-1",
      },
    }));
    render(<SearchPanel session={session} initialQuery="deploy" onOpen={vi.fn()} onClose={vi.fn()} />);
    await screen.findByRole("option");
    const user = userEvent.setup();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(2));
    expect(asked.at(-1)).toEqual({ query: "deploy", before: "cursor-1" });
    await user.keyboard("{ArrowDown}");
    expect(screen.getAllByRole("option").map((o) => o.getAttribute("aria-selected"))).toEqual(["false", "true"]);
  });

  it("says when nothing matched, and shows a refusal's reason", async () => {
    const { session } = sessionAnswering(() => ({
      ok: false,
      error: { code: "INVALID_QUERY", message: "Nothing to search for: give at least one word." },
    }));
    render(<SearchPanel session={session} initialQuery="deploy" onOpen={vi.fn()} onClose={vi.fn()} />);
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("Nothing to search for: give at least one word."),
    );
    cleanup();
    const empty = sessionAnswering(() => ({ ok: true, data: { hits: [], terms: [], next: null } }));
    render(<SearchPanel session={empty.session} initialQuery="zebra" onOpen={vi.fn()} onClose={vi.fn()} />);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("No results for “zebra”."));
    expect(screen.queryAllByRole("option")).toHaveLength(0);
  });
});
