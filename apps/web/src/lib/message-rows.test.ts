import type { Message } from "@canaduck/contract";
import { describe, expect, it } from "vitest";
import { buildRows } from "./message-rows";

const at = (iso: string, seq: number, author: string, kind: Message["kind"] = "text"): Message => ({
  id: `m${seq}`,
  channelId: "c",
  seq,
  kind,
  author: { id: author, name: author },
  text: `line ${seq}`,
  meta: {},
  createdAt: iso,
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

  it("shows sends awaiting their ack after the stored lines", () => {
    const rows = buildRows(
      [at("2026-11-24T10:00:00", 1, "ann")],
      [{ clientId: "k1", channelId: "c", target: "#dev", text: "hi", action: false, status: "sending" }],
      now,
    );
    expect(rows.at(-1)).toMatchObject({ kind: "pending", key: "pending-k1" });
  });
});
