import { limits, type Message } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import type { UserActor } from "./actor";
import { attachPreview, previewWanted } from "./link-previews";
import { createTestDomain, devChannel, type TestDomain } from "./testing";

const say = async (t: TestDomain, actor: UserActor, text: string): Promise<Message> =>
  (await t.runOk(actor, "message:send", { target: "#dev", text })).message;
const page = async (t: TestDomain, actor: UserActor) =>
  (await t.runOk(actor, "history:read", { target: "#dev" })).messages;
const found = { url: "https://example.org/", title: "Example" };

describe("link previews", () => {
  it("wants the first link of a said line, unless its author or the channel turned previews off", async () => {
    const t = createTestDomain();
    const { alice, bob } = await devChannel(t);
    expect(await previewWanted(t.deps, await say(t, alice, "see https://example.org/ and https://b.example/"))).toBe(
      "https://example.org/",
    );
    expect(await previewWanted(t.deps, await say(t, alice, "no link"))).toBeNull();
    await t.runOk(alice, "settings:update", { linkPreviews: false });
    expect(await previewWanted(t.deps, await say(t, alice, "https://example.org/"))).toBeNull();
    expect(await previewWanted(t.deps, await say(t, bob, "https://example.org/"))).toBe("https://example.org/");
    await t.runOk(alice, "channel:mode", { channel: "#dev", previews: false });
    expect(await previewWanted(t.deps, await say(t, bob, "https://example.org/"))).toBeNull();
  });

  it("writes a preview entry on the line, which a page then carries in the line's meta, text cut to the limits", async () => {
    const t = createTestDomain();
    const { alice, bob, dev } = await devChannel(t);
    const line = await say(t, alice, "https://example.org/");
    const long = { ...found, title: "t".repeat(1_000), description: "d".repeat(1_000) };
    const { written, effects } = await attachPreview(
      t.deps,
      { channelId: dev.id, seq: line.seq, url: found.url },
      long,
    );
    expect(written).toBe(true);
    const entry = effects.find((e) => e.type === "emit" && e.event === "message:new");
    expect(entry).toMatchObject({ to: { channel: dev.id }, payload: { kind: "preview", author: null } });
    const shown = (await page(t, bob)).find((m) => m.seq === line.seq);
    expect(shown?.meta.preview?.title).toHaveLength(limits.previewTitleMaxLength);
    expect(shown?.meta.preview?.description).toHaveLength(limits.previewDescriptionMaxLength);
    expect(shown?.version).toBe(line.seq + 1);
    // A second preview of the same line is not written.
    expect((await attachPreview(t.deps, { channelId: dev.id, seq: line.seq, url: found.url }, found)).written).toBe(
      false,
    );
  });

  it("writes nothing on a line deleted, or edited to another link, before the preview came", async () => {
    const t = createTestDomain();
    const { alice, dev } = await devChannel(t);
    const deleted = await say(t, alice, "https://example.org/");
    await t.runOk(alice, "message:delete", { target: "#dev", seq: deleted.seq });
    const edited = await say(t, alice, "https://example.org/");
    await t.runOk(alice, "message:edit", { target: "#dev", seq: edited.seq, text: "https://other.example/" });
    for (const seq of [deleted.seq, edited.seq]) {
      const outcome = await attachPreview(t.deps, { channelId: dev.id, seq, url: found.url }, found);
      expect(outcome).toEqual({ written: false, effects: [] });
    }
  });
});
