import { expect, joinChannel, say, seriousViolations, test } from "../fixtures/test";

test("away is shown in the member list and in the direct conversation's header, live", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#lobby");
  await joinChannel(bob, "#lobby");
  await say(bob, "/away at lunch");

  const members = ann.getByRole("complementary", { name: "Members of #lobby" });
  const bobRow = members.getByRole("button", { name: /^bob/ });
  await expect(bobRow).toContainText("Away: at lunch");
  await expect(members.getByRole("button", { name: /^ann/ })).not.toContainText("Away");

  await say(bob, "/msg ann back at two");
  const nav = ann.getByRole("navigation", { name: "Conversations" });
  await nav.getByRole("button", { name: /^bob/ }).click();
  const header = ann.locator(".channel-header");
  await expect(header).toContainText("Away: at lunch");
  expect(await seriousViolations(ann)).toEqual([]);
  await ann.screenshot({ path: test.info().outputPath("direct-away.png") });

  // Back: both places follow at once, without a reload.
  await say(bob, "/away");
  await expect(header).toContainText("Online");
  await expect(header).not.toContainText("Away");
  await nav.getByRole("button", { name: "#lobby" }).click();
  await expect(bobRow).not.toContainText("Away");

  // Gone: the header says offline.
  await nav.getByRole("button", { name: /^bob/ }).click();
  await expect(header).toContainText("Online");
  await bob.close();
  await expect(header).toContainText("Offline");
});
