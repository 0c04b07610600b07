import { composer, expect, joinChannel, messageLog, say, test } from "../fixtures/test";

test("a kick and a ban, as the target sees them", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#ops");
  await joinChannel(bob, "#ops");
  await say(bob, "hi all");
  await expect(messageLog(ann).getByText("hi all")).toBeVisible();

  // Ann, the owner, kicks bob from the member list.
  const members = ann.getByRole("complementary", { name: "Members of #ops" });
  await members.getByRole("button", { name: /^bob/ }).click();
  await members.getByRole("button", { name: "Kick…" }).click();
  const kick = ann.getByRole("dialog", { name: "Kick bob from #ops" });
  await kick.getByLabel(/Reason/).fill("too loud");
  await kick.getByRole("button", { name: "Kick" }).click();
  await expect(messageLog(ann).getByText("ann removed bob (too loud)")).toBeVisible();

  // The toast says who and why, and goes away by itself.
  const kickedToast = bob.getByRole("status").filter({ hasText: "ann kicked you from #ops: too loud" });
  await expect(kickedToast).toBeVisible();
  await expect(kickedToast).toHaveCount(0, { timeout: 12_000 });
  const bobNav = bob.getByRole("navigation", { name: "Conversations" });
  await expect(bobNav.getByRole("button", { name: "#ops" })).toHaveCount(0);

  // Bob comes back; this time ann bans him with the command.
  await joinChannel(bob, "#ops");
  await expect(messageLog(ann).getByText("bob joined").last()).toBeVisible();
  await say(ann, "/ban bob 10m flooding");
  await expect(messageLog(ann).getByText(/ann banned bob for 10 minutes \(flooding\)/)).toBeVisible();
  await expect(bob.getByText("ann banned you from #ops for 10 minutes: flooding")).toBeVisible();
  await expect(bobNav.getByRole("button", { name: "#ops" })).toHaveCount(0);

  // Trying to return is refused, in plain words, right at the composer.
  await joinChannel(bob, "#lobby");
  await composer(bob).fill("/join #ops");
  await composer(bob).press("Enter");
  const error = bob.locator('.composer [role="alert"]');
  await expect(error).toHaveAttribute("data-code", "BANNED");
  await expect(error).toContainText("Banned.");
});

test("leaving a channel from its header", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#exit");
  await joinChannel(bob, "#exit");
  await bob.getByRole("button", { name: "Leave" }).click();
  await expect(
    bob.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: "#exit" }),
  ).toHaveCount(0);
  await expect(messageLog(ann).getByText("bob left")).toBeVisible();
});
