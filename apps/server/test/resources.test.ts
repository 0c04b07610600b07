import { readdirSync } from "node:fs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { TestServer } from "./harness";

const openFiles = () => readdirSync("/proc/self/fd").length;

let server: TestServer;
beforeEach(async () => {
  server = await new TestServer({ RATE_LIMITS: "off" }).start();
});
afterEach(() => server.dispose());

// Each command is a database transaction; on SQLite, libSQL's own transactions used to open a
// connection apiece and never close it, so a busy server ran out of file descriptors.
it("keeps its open files flat however many commands it runs", async () => {
  const alice = await server.user("alice");
  await alice.do("channel:join", { channel: "#dev" });
  for (let i = 0; i < 20; i++) await alice.do("message:send", { target: "#dev", text: `warm ${i}` });
  const before = openFiles();
  for (let i = 0; i < 300; i++) await alice.do("message:send", { target: "#dev", text: `line ${i}` });
  expect(openFiles() - before).toBeLessThan(10);
});
