import { expect, joinChannel, messageLog, say, test } from "../fixtures/test";

test("a direct message starts from a member's name and reaches only the other person", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#lobby");
  await joinChannel(bob, "#lobby");

  const members = ann.getByRole("complementary", { name: "Members of #lobby" });
  await members.getByRole("button", { name: /^bob/ }).click();
  await members.getByRole("group", { name: "Actions for bob" }).getByRole("button", { name: "Message" }).click();
  await expect(ann.getByRole("heading", { level: 1, name: "bob" })).toBeVisible();
  await say(ann, "psst, just between us");

  // Bob sees a new conversation with an unread badge, and the line in it.
  const dm = bob.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /ann.*1 unread/ });
  await expect(dm).toBeVisible();
  await dm.click();
  await expect(messageLog(bob).getByText("psst, just between us")).toBeVisible();
  await say(bob, "got it");
  await expect(messageLog(ann).getByText("got it")).toBeVisible();

  // The channel never saw it.
  await bob.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: "#lobby" }).click();
  await expect(messageLog(bob).getByText("psst, just between us")).toHaveCount(0);
});
