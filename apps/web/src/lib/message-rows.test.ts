import type { Message } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { buildRows, RowBuilder } from "./message-rows";

const at = (iso: string, seq: number, author: string, kind: Message["kind"] = "text"): Message => ({
  id: `m${seq}`,
  channelId: "c",
  seq,
  kind,
  author: { id: author, name: author },
  text: `line ${seq}`,
  meta: {},
  createdAt: iso,
  version: seq,
});

describe("buildRows", () => {
  const now = new Date("2026-11-24T12:00:00");
  it("groups consecutive lines of one author and starts a new group for another author, a gap or a system line", () => {
    const rows = buildRows(
      [
        at("2026-11-24T10:00:00", 1, "ann"),
        at("2026-11-24T10:01:00", 2, "ann"),
        at("2026-11-24T10:02:00", 3, "bob"),
        at("2026-11-24T10:30:00", 4, "bob"),
        at("2026-11-24T10:31:00", 5, "bob", "join"),
        at("2026-11-24T10:32:00", 6, "bob"),
      ],
      [],
      now,
    );
    expect(rows.map((r) => (r.kind === "message" ? `${r.message.seq}${r.continued ? "+" : ""}` : r.kind))).toEqual([
      "day",
      "1",
      "2+",
      "3",
      "4",
      "5",
      "6",
    ]);
  });

  it("puts a divider between days and labels today and yesterday", () => {
    const rows = buildRows([at("2026-11-23T22:00:00", 1, "ann"), at("2026-11-24T08:00:00", 2, "ann")], [], now);
    expect(rows.filter((r) => r.kind === "day").map((r) => (r.kind === "day" ? r.label : ""))).toEqual([
      "Yesterday",
      "Today",
    ]);
    expect(rows.at(-1)).toMatchObject({ kind: "message", continued: false });
  });

  it("hands back the same row objects after an older page is prepended, except for rows that changed", () => {
    const newer = [at("2026-11-24T10:02:00", 3, "ann"), at("2026-11-24T10:03:00", 4, "bob")];
    const first = buildRows(newer, [], now);
    const older = [at("2026-11-24T10:00:00", 1, "bob"), at("2026-11-24T10:01:00", 2, "ann")];
    const second = buildRows([...older, ...newer], [], now);
    const row = (rows: typeof first, seq: number) => rows.find((r) => r.kind === "message" && r.message.seq === seq);
    // Line 3 now follows another of ann's lines: it joins that group, so its row is new.
    expect(row(second, 3)).not.toBe(row(first, 3));
    expect(row(second, 3)).toMatchObject({ continued: true });
    expect(row(second, 4)).toBe(row(first, 4));
    expect(second[0]).toBe(first[0]);
  });

  it("shows sends awaiting their ack after the stored lines", () => {
    const rows = buildRows(
      [at("2026-11-24T10:00:00", 1, "ann")],
      [{ clientId: "k1", channelId: "c", target: "#dev", text: "hi", action: false, status: "sending" }],
      now,
    );
    expect(rows.at(-1)).toMatchObject({ kind: "pending", key: "pending-k1" });
  });

  it("puts the New messages divider before the first line someone else wrote after the marker", () => {
    const lines = [
      at("2026-11-24T10:00:00", 1, "ann"),
      at("2026-11-24T10:01:00", 2, "me"),
      at("2026-11-24T10:02:00", 3, "ann"),
      at("2026-11-24T10:03:00", 4, "ann"),
    ];
    const rows = buildRows(lines, [], now, { afterSeq: 1, myId: "me" });
    const order = rows.map((r) => (r.kind === "message" ? String(r.message.seq) : r.kind));
    expect(order).toEqual(["day", "1", "2", "new-divider", "3", "4"]);
    // The line after the divider starts a new group, so its author is shown again.
    expect(rows[4]).toMatchObject({ kind: "message", continued: false });
    expect(buildRows(lines, [], now, { afterSeq: 4, myId: "me" }).some((r) => r.kind === "new-divider")).toBe(false);
  });

  it("never shows change entries as rows", () => {
    const edit = { ...at("2026-11-24T10:01:00", 2, "ann", "edit"), meta: { targetSeq: 1 } };
    const rows = buildRows([at("2026-11-24T10:00:00", 1, "ann"), edit], [], now);
    expect(rows.filter((r) => r.kind === "message")).toHaveLength(1);
  });

  it("builds the same rows page by page as all at once, the divider and day changes included", () => {
    const lines = [
      at("2026-11-22T10:00:00", 1, "bob"),
      at("2026-11-23T10:00:00", 2, "ann"),
      at("2026-11-23T10:01:00", 3, "ann"),
      at("2026-11-23T10:02:00", 4, "bob"),
      at("2026-11-24T09:00:00", 5, "bob"),
      at("2026-11-24T09:01:00", 6, "bob"),
      at("2026-11-24T09:02:00", 7, "ann"),
    ];
    const shape = (rows: ReturnType<typeof buildRows>) =>
      rows.map((r) => (r.kind === "message" ? `${r.message.seq}${r.continued ? "+" : ""}` : r.kind));
    for (const divider of [
      null,
      { afterSeq: 0, myId: "ann" },
      { afterSeq: 1, myId: "ann" },
      { afterSeq: 5, myId: "ann" },
    ]) {
      const builder = new RowBuilder();
      for (let from = lines.length - 1; from >= 0; from -= 1) {
        const loaded = lines.slice(from);
        expect(shape(builder.build(loaded, [], now, divider)), `from ${from}`).toEqual(
          shape(buildRows(loaded, [], now, divider)),
        );
      }
    }
  });
});
