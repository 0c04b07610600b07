import type { Repositories } from "@canaduck/domain";
import { InMemoryStore } from "@canaduck/domain/testing";
import { describe, expect, it } from "vitest";
import { OUTGOING_HOOKS_REFRESH_MS, OutgoingHooks } from "./outgoing-hooks";

/** A store that counts its read transactions: what each new line used to cost. */
class CountingStore extends InMemoryStore {
  reads = 0;
  override read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    this.reads += 1;
    return super.read(work);
  }
}

const at = new Date(0);
const channel = (id: string) => ({
  id,
  name: `#${id}`,
  nameKey: `#${id}`,
  kind: "channel" as const,
  topic: "",
  inviteOnly: false,
  previewsOff: false,
  lastSeq: 0,
  createdAt: at,
});
const hook = (id: string, channelId: string, kind: "outgoing" | "incoming" = "outgoing") => ({
  id,
  channelId,
  kind,
  url: kind === "outgoing" ? "https://example.org/hook" : null,
  secret: "s",
  signed: true,
  botId: null,
  sessionId: null,
  createdBy: "u",
  createdAt: at,
});

async function setUp() {
  const store = new CountingStore();
  await store.transaction(async (tx) => {
    for (const id of ["dev", "quiet"]) await tx.channels.insert(channel(id));
  });
  let now = 0;
  const hooks = new OutgoingHooks(store, () => now);
  return { store, hooks, later: (ms: number) => (now += ms) };
}

describe("OutgoingHooks", () => {
  it("answers a thousand lines of channels without hooks with one read", async () => {
    const { store, hooks } = await setUp();
    await store.transaction((tx) => tx.webhooks.insert(hook("in", "quiet", "incoming")));
    for (let i = 0; i < 1000; i++) expect(await hooks.of(i % 2 ? "dev" : "quiet")).toBeNull();
    expect(store.reads).toBe(1);
  });

  it("sees a hook added through this node at once, and one added elsewhere within the refresh time", async () => {
    const { store, hooks, later } = await setUp();
    expect(await hooks.of("dev")).toBeNull();
    await store.transaction((tx) => tx.webhooks.insert(hook("a", "dev")));
    hooks.changed();
    expect((await hooks.of("dev"))?.hooks.map((h) => h.id)).toEqual(["a"]);
    expect((await hooks.of("dev"))?.channel).toEqual({ id: "dev", name: "#dev" });

    // Another node's: not announced here, read on the first line after the refresh time.
    await store.transaction((tx) => tx.webhooks.insert(hook("b", "dev")));
    later(OUTGOING_HOOKS_REFRESH_MS - 1);
    expect((await hooks.of("dev"))?.hooks.map((h) => h.id)).toEqual(["a"]);
    later(1);
    expect((await hooks.of("dev"))?.hooks.map((h) => h.id)).toEqual(["a", "b"]);
    expect(store.reads).toBe(3);
  });

  it("forgets a removed hook once told, so nothing more is queued for it", async () => {
    const { store, hooks } = await setUp();
    await store.transaction((tx) => tx.webhooks.insert(hook("a", "dev")));
    expect((await hooks.of("dev"))?.hooks).toHaveLength(1);
    await store.transaction((tx) => tx.webhooks.remove("a"));
    hooks.changed();
    expect(await hooks.of("dev")).toBeNull();
  });

  it("reads again when a change lands while a read is under way", async () => {
    const { store, hooks } = await setUp();
    const first = hooks.of("dev");
    await store.transaction((tx) => tx.webhooks.insert(hook("a", "dev")));
    hooks.changed();
    await first;
    expect((await hooks.of("dev"))?.hooks.map((h) => h.id)).toEqual(["a"]);
  });
});
