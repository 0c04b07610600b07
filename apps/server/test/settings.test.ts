import { defaultUserSettings } from "@canaduck/contract";
import { afterEach, describe, expect, it } from "vitest";
import { ChatClient, twoInDev, type TestServer } from "./harness";

describe("settings kept on the server", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it("reach the user's other connections live, survive a restart, and stay the user's own", async () => {
    const started = await twoInDev();
    server = started.server;
    const { alice, bob } = started;
    const otherDevice = new ChatClient(await server.connect({ token: alice.token }), alice.token, "alice");
    const { channels } = await alice.do("session:state", {});
    const dev = channels.find((c) => c.name === "#dev");
    if (!dev) throw new Error("alice is in #dev");

    const heard = otherDevice.next("settings:changed");
    await alice.do("settings:update", {
      theme: "dark",
      conversation: { channelId: dev.id, level: "all", muted: true },
    });
    const expected = {
      ...defaultUserSettings,
      theme: "dark",
      conversations: { [dev.id]: { level: "all", muted: true } },
    };
    expect((await heard).settings).toEqual(expected);

    await server.restart();
    const again = new ChatClient(await server.connect({ token: alice.token }), alice.token, "alice");
    expect((await again.do("session:sync", { conversations: [] })).settings).toEqual(expected);
    const bobAgain = new ChatClient(await server.connect({ token: bob.token }), bob.token, "bob");
    expect((await bobAgain.do("session:state", {})).settings).toEqual(defaultUserSettings);
  });

  it("refuse a bad value or a conversation one is not in, with a stable code, changing nothing", async () => {
    const started = await twoInDev();
    server = started.server;
    const carol = await server.user("carol");
    const { channels } = await started.alice.do("session:state", {});
    const devId = channels[0]?.id ?? "";
    expect(await carol.send("settings:update", { conversation: { channelId: devId, muted: true } })).toMatchObject({
      ok: false,
      error: { code: "NOT_A_MEMBER" },
    });
    expect(await carol.send("settings:update", { clock: "13h" } as never)).toMatchObject({
      ok: false,
      error: { code: "INVALID_PAYLOAD" },
    });
    expect((await carol.do("session:state", {})).settings).toEqual(defaultUserSettings);
  });
});
