import { TestServer } from "@canaduck/server/testing";
import { afterEach, beforeEach, expect, it } from "vitest";
import { ChatClient } from "../src/chat-client";
import { waitForState } from "../src/wait-for-state";

let server: TestServer;
const clients: ChatClient[] = [];
beforeEach(async () => {
  server = await new TestServer().start();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.dispose();
});

it("dismiss removes an admin alert the user has read, and only that one", async () => {
  const admin = new ChatClient({ url: server.url });
  clients.push(admin);
  await waitForState(admin, (s) => s.status === "online");
  expect((await admin.register("root", "long password 1")).ok).toBe(true);
  await server.grantAdmin("root"); // as the operator's admin command line does
  expect(await admin.submit("/alert first")).toBeNull();
  expect(await admin.submit("/alert second")).toBeNull();
  const state = await waitForState(admin, (s) => s.alerts.length === 2);
  const first = state.alerts[0];
  if (!first) throw new Error("no alert");
  admin.dismiss(first.id);
  expect(admin.getState().alerts.map((a) => a.text)).toEqual(["root: second"]);
});
