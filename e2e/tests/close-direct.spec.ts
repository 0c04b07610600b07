import { expect, joinChannel, messageLog, say, seriousViolations, test } from "../fixtures/test";

test("a direct conversation closes on every device of its user, keeps its history, and comes back", async ({
  signUp,
  server,
}) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#lobby");
  await joinChannel(bob, "#lobby");
  await say(bob, "/msg ann secret plans");

  // ann's second device: another tab of the same browser, logged in with the same session.
  const annTab = await ann.context().newPage();
  await annTab.goto(server.url);
  const nav = (page: typeof ann) => page.getByRole("navigation", { name: "Conversations" });
  const dm = (page: typeof ann) => nav(page).getByRole("button", { name: /^bob/ });
  await expect(dm(ann)).toBeVisible();
  await expect(dm(annTab)).toBeVisible();
  await dm(ann).click();
  await expect(messageLog(ann).getByText("secret plans")).toBeVisible();

  await nav(ann).getByRole("button", { name: "Close the conversation with bob" }).click();
  await expect(dm(ann)).toHaveCount(0);
  await expect(dm(annTab)).toHaveCount(0);
  await expect(nav(ann).getByText("Click a name to start a private conversation.")).toBeVisible();
  expect(await seriousViolations(ann)).toEqual([]);
  await ann.screenshot({ path: test.info().outputPath("direct-closed.png") });
  // And after a reload: the server keeps it closed.
  await annTab.reload();
  await expect(nav(annTab).getByRole("button", { name: "#lobby" })).toBeVisible();
  await expect(dm(annTab)).toHaveCount(0);
  // bob's side is untouched.
  await expect(nav(bob).getByRole("button", { name: /^ann/ })).toBeVisible();

  // Opening it again from the member list brings its history back, on both devices.
  await nav(ann).getByRole("button", { name: "#lobby" }).click();
  const members = ann.getByRole("complementary", { name: "Members of #lobby" });
  await members.getByRole("button", { name: /^bob/ }).click();
  await members.getByRole("group", { name: "Actions for bob" }).getByRole("button", { name: "Message" }).click();
  await expect(ann.getByRole("heading", { level: 1, name: "bob" })).toBeVisible();
  await expect(messageLog(ann).getByText("secret plans")).toBeVisible();
  await expect(dm(annTab)).toBeVisible();

  // Closed again, a new line from bob brings it back with its unread badge.
  await nav(ann).getByRole("button", { name: "Close the conversation with bob" }).click();
  await expect(dm(ann)).toHaveCount(0);
  await say(bob, "/msg ann are you there?");
  await expect(nav(ann).getByRole("button", { name: /^bob, 1 unread/ })).toBeVisible();
  await expect(nav(annTab).getByRole("button", { name: /^bob, 1 unread/ })).toBeVisible();
  await nav(ann)
    .getByRole("button", { name: /^bob, 1 unread/ })
    .click();
  await expect(messageLog(ann).getByText("are you there?")).toBeVisible();
  await expect(messageLog(ann).getByText("secret plans")).toBeVisible();
});
