import { composer, expect, joinChannel, messageLog, say, test } from "../fixtures/test";

test("/mode +i inside a channel makes that channel invite-only, and -i opens it again", async ({ signUp }) => {
  const ann = await signUp("ann");
  await joinChannel(ann, "#club");
  await say(ann, "/mode +i");
  await expect(messageLog(ann).getByText("ann made the channel invite-only")).toBeVisible();
  await say(ann, "/mode -i");
  await expect(messageLog(ann).getByText("ann opened the channel to everyone")).toBeVisible();
});

test("the reader's nick is rung in others' lines, never in their own", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#nicks");
  await joinChannel(bob, "#nicks");
  await say(ann, "ann here, hello");
  await say(bob, "hi ann");
  const log = messageLog(ann);
  await expect(log.locator(".msg", { hasText: "hi ann" }).locator("mark.mention")).toHaveText("ann");
  await expect(log.locator(".msg", { hasText: "ann here, hello" }).locator("mark.mention")).toHaveCount(0);
  await expect(log.locator(".msg.mentions-me", { hasText: "ann here, hello" })).toHaveCount(0);
});

test("on a phone every visible control is at least 44 px tall and wide", async ({ signUp }) => {
  const ann = await signUp("ann", { viewport: { width: 390, height: 844 } });
  // Measured at rest: mid-slide, the sidebar's fractional translation makes a 44 px box read 43.99.
  const settled = () => ann.waitForFunction(() => document.getAnimations().length === 0);
  const undersized = async () => {
    await settled();
    return ann.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("button, select, input[type='checkbox']")]
        .filter((el) => el.checkVisibility())
        // A checkbox is tapped through its label.
        .map((el) => ({ el, box: (el.closest("label") ?? el).getBoundingClientRect() }))
        // Inside the viewport only: the closed sidebar sits off screen.
        .filter(({ box }) => box.right > 0 && box.left < innerWidth && box.width > 0)
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(
          ({ el, box }) =>
            `${el.getAttribute("aria-label") ?? el.textContent?.trim()} ${box.width.toFixed(2)}×${box.height.toFixed(2)}`,
        ),
    );
  };
  await expect(ann.getByRole("button", { name: "Open the conversation list" })).toBeVisible();
  expect(await undersized()).toEqual([]);
  await ann.getByRole("button", { name: "Open the conversation list" }).click();
  await expect(ann.getByRole("button", { name: "Close the conversation list" })).toBeVisible();
  await ann.screenshot({ path: test.info().outputPath("phone-sidebar.png") });
  expect(await undersized()).toEqual([]);
  // And in a conversation, with a line in it.
  await joinChannel(ann, "#phone");
  await say(ann, "a line on a small screen");
  await ann.screenshot({ path: test.info().outputPath("phone-channel.png") });
  expect(await undersized()).toEqual([]);
});

test("the admins' commands are offered to admins only, in suggestions and in /help", async ({ signUp, server }) => {
  const ann = await signUp("ann");
  const root = await signUp("root");
  await server.grantAdmin("root");
  // Who is an admin is learnt on connecting: a fresh page knows.
  await root.reload();
  for (const page of [ann, root]) await joinChannel(page, "#cmds");

  await composer(ann).fill("/");
  const annList = ann.getByRole("listbox", { name: "Commands" });
  await expect(annList.getByRole("option", { name: /^\/join/ })).toBeVisible();
  await expect(annList.getByRole("option", { name: /^\/(alert|log|suspend|unsuspend)\b/ })).toHaveCount(0);
  await composer(root).fill("/al");
  await expect(root.getByRole("listbox", { name: "Commands" }).getByRole("option", { name: /^\/alert/ })).toBeVisible();

  await composer(ann).fill("");
  await say(ann, "/help");
  await expect(ann.getByText(/\/kick nick/).first()).toBeVisible();
  await expect(ann.getByText(/\/suspend nick/)).toHaveCount(0);
});
