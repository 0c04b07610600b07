import { Irssi } from "../fixtures/irssi";
import { SeedClient } from "../fixtures/seed";
import { expect, joinChannel, messageLog, PASSWORD, say, test } from "../fixtures/test";

const CHANNEL = "#irc";

test("irssi logs in with SASL, joins, and chats both ways with a browser user; history shows in both", async ({
  server,
  signUp,
}, testInfo) => {
  const ann = await signUp("ann");
  await joinChannel(ann, CHANNEL);
  await say(ann, "said before irssi came");

  // bob's account exists before irssi connects, as a CanaDuck account made on the web would.
  const seeder = await SeedClient.connect(server.url);
  await seeder.call("auth:register", { name: "bob", password: PASSWORD });
  seeder.close();

  const irssi = new Irssi({ port: server.ircPort, nick: "bob", password: PASSWORD, channel: CHANNEL });
  try {
    irssi.start();
    // Joined as bob through SASL, and the line from before shows as history (the join's playback).
    await expect.poll(() => irssi.count(CHANNEL, "said before irssi came"), { timeout: 30_000 }).toBe(1);
    irssi.say(`/window goto ${CHANNEL}`);
    expect(irssi.screen()).not.toMatch(/SASL authentication failed|not logged in/i);
    await expect(ann.getByRole("complementary", { name: `Members of ${CHANNEL}` })).toContainText("bob");

    // Browser → irssi: once on screen, once in irssi's log.
    await say(ann, "hello irssi from the browser");
    await irssi.waitForScreen((s) => s.includes("hello irssi from the browser"));
    await expect.poll(() => irssi.count(CHANNEL, "hello irssi from the browser")).toBe(1);

    // irssi → browser: once in ann's log, and once (irssi's own echo, not a server copy) in irssi's.
    irssi.say("hello browser from irssi");
    await expect(messageLog(ann).getByText("hello browser from irssi", { exact: true })).toHaveCount(1);
    await expect.poll(() => irssi.count(CHANNEL, "hello browser from irssi")).toBe(1);
    await irssi.waitForScreen((s) => s.includes("hello browser from irssi"));
    await ann.screenshot({ path: testInfo.outputPath("browser.png") });
    await testInfo.attach("irssi screen", { body: irssi.screen(), contentType: "text/plain" });

    // History in the browser: after a reload, irssi's line is still there, exactly once.
    await ann.reload();
    await expect(messageLog(ann).getByText("hello browser from irssi", { exact: true })).toHaveCount(1);
    await expect(messageLog(ann).getByText("said before irssi came", { exact: true })).toHaveCount(1);

    // History in irssi: quit, start again on the same account, and the channel's recent lines
    // (both transports') come back as playback.
    await irssi.quit();
    await say(ann, "said while irssi was away");
    const before = irssi.count(CHANNEL, "hello browser from irssi");
    irssi.start();
    await expect.poll(() => irssi.count(CHANNEL, "said while irssi was away"), { timeout: 30_000 }).toBe(1);
    irssi.say(`/window goto ${CHANNEL}`);
    await expect.poll(() => irssi.count(CHANNEL, "hello browser from irssi")).toBe(before + 1);
    expect(irssi.count(CHANNEL, "said while irssi was away")).toBe(1);
  } finally {
    irssi.dispose();
  }
});
