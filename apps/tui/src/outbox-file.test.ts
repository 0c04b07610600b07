import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PendingSend } from "@canaduck/client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { fileOutbox, OUTBOX_FILE } from "./outbox-file";

const send = (clientId: string, status: PendingSend["status"] = "sending"): PendingSend => ({
  clientId,
  channelId: "c-dev",
  target: "#dev",
  text: `line ${clientId}`,
  action: false,
  status,
});

describe("the outbox kept on disk", () => {
  const base = mkdtempSync(path.join(tmpdir(), "canaduck-tui-outbox-"));
  const dir = path.join(base, "canaduck");
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it("keeps the lines still sending, for the same account on the same server, owner-only", () => {
    fileOutbox(dir, "http://localhost:3000").save("u-alice", [send("a"), send("b", "failed")]);
    const saved = fileOutbox(dir, "http://localhost:3000/").load("u-alice");
    expect(saved).toEqual([{ clientId: "a", target: "#dev", text: "line a", action: false }]);
    expect(fileOutbox(dir, "http://localhost:3000").load("u-bob")).toEqual([]);
    expect(fileOutbox(dir, "https://other.example").load("u-alice")).toEqual([]);
    expect(statSync(path.join(dir, OUTBOX_FILE)).mode & 0o777).toBe(0o600);
  });

  it("forgets the lines once sent, and reads a damaged file as empty", () => {
    const box = fileOutbox(dir, "http://localhost:3000");
    box.save("u-alice", [send("a")]);
    box.save("u-alice", []);
    expect(box.load("u-alice")).toEqual([]);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, OUTBOX_FILE), "{ not json");
    expect(box.load("u-alice")).toEqual([]);
    writeFileSync(
      path.join(dir, OUTBOX_FILE),
      JSON.stringify({ "http://localhost:3000": { userId: "u-alice", sends: [{ clientId: 1 }, { ...send("c") }] } }),
    );
    expect(box.load("u-alice").map((s) => s.clientId)).toEqual(["c"]);
  });
});
