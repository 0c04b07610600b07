import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TestServer } from "@canaduck/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TmuxSession } from "./tmux";

const launcher = path.resolve(import.meta.dirname, "../bin/canaduck.js");
const PASSWORD = "correct horse battery";

/** A file shared in a channel, as a terminal user sees it: its name, size and type, and its link. */
describe("a shared file in a real terminal", { timeout: 120_000 }, () => {
  let server: TestServer;
  const config = mkdtempSync(path.join(tmpdir(), "canaduck-tui-files-"));

  beforeAll(async () => {
    server = await new TestServer().start();
    const bob = await server.user("bob");
    await bob.do("channel:join", { channel: "#dev" });
    const alice = await server.user("alice", PASSWORD);
    await alice.do("channel:join", { channel: "#dev" });
    alice.socket.disconnect();
  }, 60_000);
  afterAll(async () => {
    await server.dispose();
    rmSync(config, { recursive: true, force: true });
  });

  it("shows the file's line as its name, size, type and the link to it", async () => {
    const t = new TmuxSession();
    await t.start([process.execPath, launcher, server.url], { XDG_CONFIG_HOME: config, HOME: config }, 160, 30);
    try {
      await t.logIn("alice", PASSWORD);
      await t.waitForText("[1:#dev]");
      const bob = await server.user("bob2");
      await bob.do("channel:join", { channel: "#dev" });
      const response = await fetch(`${server.url}/api/v1/channels/dev/files?name=notes.txt`, {
        method: "POST",
        headers: { authorization: `Bearer ${bob.token}`, "content-type": "application/octet-stream" },
        body: "meeting at noon",
      });
      const { message } = (await response.json()) as { message: { meta: { attachment?: { fileId: string } } } };
      const fileId = message.meta.attachment?.fileId ?? "missing";
      const screen = await t.waitForText(`${server.url}/api/v1/files/${fileId}`);
      const rows = screen.split("\n");
      const head = rows.findIndex((row) => row.includes("<bob2> [file] notes.txt (15 B, application/octet-stream)"));
      expect(head).toBeGreaterThan(-1);
      // The link is kept whole on a row of its own (the wrap breaks before it), to be copied.
      expect(rows[head + 1]).toContain(`${server.url}/api/v1/files/${fileId}`);
    } finally {
      await t.kill();
    }
  });
});
