import { composer, expect, joinChannel, messageLog, say, seriousViolations, test } from "../fixtures/test";

test("two people register, join a channel and chat live both ways, seeing each other type", async ({
  page,
  server,
  signUp,
}, testInfo) => {
  await page.goto(server.url);
  await expect(page.getByRole("heading", { name: "CanaDuck" })).toBeVisible();
  expect(await seriousViolations(page), "login screen").toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("login.png") });

  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#lobby");
  await joinChannel(bob, "#lobby");

  await say(ann, "hello bob, welcome to the lobby");
  await expect(messageLog(bob).getByText("hello bob, welcome to the lobby")).toBeVisible();
  await say(bob, "thanks ann!");
  await expect(messageLog(ann).getByText("thanks ann!")).toBeVisible();

  // The line mentioning bob is highlighted for him, and shown as a system line when someone joins.
  await expect(messageLog(bob).locator(".mentions-me").getByText("hello bob, welcome to the lobby")).toBeVisible();
  await expect(messageLog(ann).getByText("bob joined")).toBeVisible();

  await composer(bob).pressSequentially("I am typing something", { delay: 20 });
  await expect(ann.getByText("bob is typing…")).toBeVisible();
  await composer(bob).press("Enter");
  await expect(messageLog(ann).getByText("I am typing something")).toBeVisible();
  await expect(ann.getByText("bob is typing…")).toBeHidden();

  await say(ann, "/me waves");
  await expect(messageLog(bob).locator(".msg.action")).toContainText("ann waves");

  // Header and member list: member count, roles and online state.
  await expect(ann.getByRole("button", { name: "2 members" })).toBeVisible();
  const members = ann.getByRole("complementary", { name: "Members of #lobby" });
  await expect(members.getByRole("button", { name: /ann.*online.*Owner/ })).toBeVisible();
  await expect(members.getByRole("button", { name: /bob.*online/ })).toBeVisible();

  // Away in another channel, ann sees an unread count and a distinct mention badge for #lobby.
  await joinChannel(ann, "#elsewhere");
  await say(bob, "just chatting");
  await say(bob, "ann: are you around?");
  const lobby = ann.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /#lobby/ });
  await expect(lobby).toHaveAccessibleName("#lobby, 1 mention, 2 unread");
  await expect(lobby.locator(".badge.mention")).toHaveText("@1");
  await lobby.click();
  await expect(lobby).toHaveAccessibleName("#lobby");

  expect(await seriousViolations(ann), "chat screen").toEqual([]);
  await ann.screenshot({ path: testInfo.outputPath("chat-light.png") });
});

test("a login survives a reload, and logging out ends it", async ({ server, signUp }) => {
  const ann = await signUp("ann");
  await joinChannel(ann, "#stay");
  await say(ann, "still here after a reload");
  await ann.reload();
  await expect(messageLog(ann).getByText("still here after a reload")).toBeVisible();

  await ann.getByRole("button", { name: "Log out" }).click();
  await expect(ann.getByRole("button", { name: "Log in" })).toBeVisible();
  await ann.reload();
  await expect(ann.getByRole("button", { name: "Log in" })).toBeVisible();

  await ann.getByLabel("Name").fill("ann");
  await ann.getByLabel("Password").fill("wrong password");
  await ann.getByRole("button", { name: "Log in" }).click();
  await expect(ann.getByRole("alert")).toContainText("Wrong name or password");
  await ann.getByLabel("Password").fill("correct horse battery");
  await ann.getByRole("button", { name: "Log in" }).click();
  await expect(messageLog(ann).getByText("still here after a reload")).toBeVisible();
  expect(server.url).toContain("127.0.0.1");
});
