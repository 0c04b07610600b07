import { composer, expect, joinChannel, messageLog, say, seriousViolations, test } from "../fixtures/test";

test("an operator sees the bans, lifts one, makes the channel invite-only and invites someone", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  const carol = await signUp("carol");
  await joinChannel(ann, "#club");
  await joinChannel(bob, "#club");
  await joinChannel(carol, "#lobby");
  await say(ann, "/ban bob 1h flooding");
  await expect(messageLog(ann).getByText(/ann banned bob for 1 hour \(flooding\)/)).toBeVisible();

  // The owner opens the channel's settings from its header: who is banned, by whom, why, until when.
  await ann.getByRole("button", { name: "Settings of #club" }).click();
  const settings = ann.getByRole("dialog", { name: "Settings of #club" });
  const ban = settings.getByRole("listitem").filter({ hasText: "bob" });
  await expect(ban).toContainText("by ann");
  await expect(ban).toContainText("flooding");
  await expect(ban).toContainText("Until");
  expect(await seriousViolations(ann)).toEqual([]);
  await ann.screenshot({ path: test.info().outputPath("channel-settings.png") });

  await ban.getByRole("button", { name: "Unban bob" }).click();
  await expect(settings.getByText("Nobody is banned from #club.")).toBeVisible();
  await expect(messageLog(ann).getByText("ann lifted the ban on bob")).toBeVisible();

  // Bob may come back; as a plain member he is not offered the settings.
  await joinChannel(bob, "#club");
  await expect(bob.getByRole("button", { name: "Leave" })).toBeVisible();
  await expect(bob.getByRole("button", { name: "Settings of #club" })).toHaveCount(0);

  // Invite-only: the header says so, and carol is kept out until she is invited.
  await settings.getByLabel(/Invite-only/).check();
  await expect(ann.getByRole("heading", { level: 1, name: "#club" }).getByText("invite-only")).toBeVisible();
  await expect(settings.getByLabel(/Invite-only/)).toBeChecked();
  await composer(carol).fill("/join #club");
  await composer(carol).press("Enter");
  await expect(carol.locator('.composer [role="alert"]')).toHaveAttribute("data-code", "INVITE_ONLY");

  await settings.getByLabel("Invite a user by nick").fill("carol");
  await settings.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(settings.getByRole("status")).toHaveText("carol is invited and can join #club now.");
  await composer(carol).fill("/join #club");
  await composer(carol).press("Enter");
  await expect(carol.getByRole("heading", { level: 1, name: "#club" })).toBeVisible();

  // A nick that does not exist is refused with its code, in the dialog.
  await settings.getByLabel("Invite a user by nick").fill("nobody");
  await settings.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(settings.locator('[role="alert"]')).toHaveAttribute("data-code", "NO_SUCH_USER");

  // And open again.
  await settings.getByLabel(/Invite-only/).uncheck();
  await expect(ann.getByRole("heading", { level: 1, name: "#club" }).getByText("invite-only")).toHaveCount(0);

  // Link previews: off for the channel, as everyone in it reads; and on again.
  await expect(settings.getByLabel(/Link previews/)).toBeChecked();
  await settings.getByLabel(/Link previews/).uncheck();
  await expect(messageLog(carol).getByText("ann turned link previews off")).toBeVisible();
  await expect(settings.getByLabel(/Link previews/)).not.toBeChecked();
  await settings.getByLabel(/Link previews/).check();
  await expect(messageLog(ann).getByText("ann turned link previews on")).toBeVisible();
  await expect(settings.getByLabel(/Link previews/)).toBeChecked();
});
