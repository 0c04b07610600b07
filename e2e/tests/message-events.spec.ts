import type { Browser, Page } from "@playwright/test";
import { SeedClient } from "../fixtures/seed";
import { PASSWORD, composer, expect, joinChannel, messageLog, say, test } from "../fixtures/test";

/** The line of the open conversation that shows `text`. */
const line = (page: Page, text: string) => messageLog(page).locator(".msg", { hasText: text }).last();

/** Hovers a line so its action bar shows, and clicks one of its actions. */
async function lineAction(page: Page, text: string, action: string | RegExp): Promise<void> {
  const target = line(page, text);
  await target.hover();
  await target.getByRole("toolbar", { name: "Message actions" }).getByRole("button", { name: action }).click();
}

/** The sidebar entry of a conversation; its accessible name carries the badges ("#dev, 2 unread"). */
const entry = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: new RegExp(`^${name}\\b`) });

/** The same person on another device: a new browser context that logs in. */
async function logInElsewhere(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(page.getByRole("main", { name: "Conversation" })).toBeVisible();
  return page;
}

test("edit a line with the hover action and with ↑, and delete one's own: the other person sees both live", async ({
  signUp,
}) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#edits");
  await joinChannel(bob, "#edits");
  await say(bob, "teh first line");
  await say(bob, "second line wth typo");
  await expect(messageLog(ann).getByText("second line wth typo")).toBeVisible();

  await lineAction(bob, "teh first line", "Edit");
  await expect(composer(bob)).toHaveValue("teh first line");
  await composer(bob).fill("the first line");
  await composer(bob).press("Enter");
  await expect(line(ann, "the first line")).toContainText("(edited)");
  await expect(messageLog(ann).getByText("teh first line")).toHaveCount(0);

  // ↑ in the empty composer takes the last line of one's own; Escape would leave it be.
  await composer(bob).press("ArrowUp");
  await expect(composer(bob)).toHaveValue("second line wth typo");
  await composer(bob).fill("second line with **bold** fixed");
  await composer(bob).press("Enter");
  await expect(line(ann, "second line with")).toContainText("(edited)");
  await expect(line(ann, "second line with").locator("strong")).toHaveText("bold");

  await lineAction(bob, "the first line", "Delete");
  await bob.getByRole("dialog", { name: "Delete message" }).getByRole("button", { name: "Delete" }).click();
  for (const page of [ann, bob]) {
    await expect(messageLog(page).getByText("the first line")).toHaveCount(0);
    await expect(messageLog(page).getByText("(message deleted)")).toBeVisible();
  }
  // Nobody edits another's line, not even the channel's owner (ann created #edits).
  await line(ann, "second line with").hover();
  await expect(line(ann, "second line with").getByRole("button", { name: "Edit" })).toHaveCount(0);
});

test("an operator deletes someone else's line; a member cannot", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#mods");
  await joinChannel(bob, "#mods");
  await say(ann, "the owner speaks");
  await say(bob, "something regrettable");
  await expect(messageLog(ann).getByText("something regrettable")).toBeVisible();

  // Bob, a member, has no delete on ann's line.
  await line(bob, "the owner speaks").hover();
  await expect(line(bob, "the owner speaks").getByRole("button", { name: "Delete" })).toHaveCount(0);

  // Ann created #mods, so she is its owner: she deletes bob's line.
  await lineAction(ann, "something regrettable", "Delete");
  const dialog = ann.getByRole("dialog", { name: "Delete message" });
  await expect(dialog).toContainText("Delete bob's message for everyone?");
  await dialog.getByRole("button", { name: "Delete" }).click();
  for (const page of [ann, bob]) {
    await expect(messageLog(page).getByText("something regrettable")).toHaveCount(0);
    await expect(messageLog(page).getByText("(message deleted)")).toBeVisible();
  }
});

/** Says an original question in `channel`, `fillers` lines after it, then a reply to the question. */
async function seedOldQuestion(url: string, channel: string, fillers: number): Promise<void> {
  const seeder = await SeedClient.connect(url);
  await seeder.call("auth:register", { name: "cy", password: "seed password 1" });
  await seeder.call("channel:join", { channel });
  const original = (await seeder.call("message:send", {
    target: channel,
    text: "what was the plan again?",
    clientId: "q",
  })) as { message: { seq: number } };
  for (let i = 1; i <= fillers; i += 1)
    await seeder.call("message:send", { target: channel, text: `filler line ${i}`, clientId: `f${i}` });
  await seeder.call("message:send", {
    target: channel,
    text: "answering that old question",
    clientId: "r",
    replyTo: original.message.seq,
  });
  seeder.close();
}

test.describe("replies", () => {
  // Seeding a long history goes faster than the send budget allows.
  test.use({ serverEnv: { RATE_LIMITS: "off" } });

  test("reply to a line, and jump from a reply to an original far back in the history", async ({ server, signUp }) => {
    // An original question, a hundred and fifty lines, then a reply to it: the pages between load.
    await seedOldQuestion(server.url, "#deep", 150);

    const ann = await signUp("ann");
    const bob = await signUp("bob");
    await joinChannel(ann, "#deep");
    await joinChannel(bob, "#deep");

    // A reply made in the app: the composer says what it answers, both see who and the first words.
    await say(ann, "lunch at noon, everyone?");
    await lineAction(bob, "lunch at noon", "Reply");
    await expect(bob.locator(".composer-mode")).toContainText("Replying to ann: lunch at noon, everyone?");
    await say(bob, "count me in");
    for (const page of [ann, bob])
      await expect(
        line(page, "count me in").getByRole("button", { name: /Reply to ann: lunch at noon/ }),
      ).toBeVisible();
    await expect(bob.locator(".composer-mode")).toHaveCount(0);

    // Jumping from the old reply loads the page around its original and highlights it.
    await messageLog(bob)
      .getByRole("button", { name: /Reply to cy: what was the plan again\?/ })
      .click();
    const target = line(bob, "what was the plan again?");
    await expect(target).toBeVisible();
    await expect(target).toHaveClass(/highlighted/);
    // The pages in between were loaded: the list offers its usual way back down.
    await expect(bob.getByRole("button", { name: "Back to the newest ↓" })).toHaveCount(0);
    await bob.getByRole("button", { name: /Jump to latest/ }).click();
    await expect(messageLog(bob).getByText("count me in")).toBeVisible();
  });

  test("a jump to a line too far back shows a window around it, and a bar back to the newest", async ({
    server,
    signUp,
  }) => {
    await seedOldQuestion(server.url, "#ancient", 1_100);
    const bob = await signUp("bob");
    await joinChannel(bob, "#ancient");
    await messageLog(bob)
      .getByRole("button", { name: /Reply to cy: what was the plan again\?/ })
      .click();
    const target = line(bob, "what was the plan again?");
    await expect(target).toBeVisible();
    await expect(target).toHaveClass(/highlighted/);
    await expect(messageLog(bob).getByText("answering that old question")).toHaveCount(0);
    await bob.getByRole("button", { name: "Back to the newest ↓" }).click();
    await expect(bob.getByRole("button", { name: "Back to the newest ↓" })).toHaveCount(0);
    await expect(messageLog(bob).getByText("answering that old question")).toBeVisible();
  });
});

test("react and un-react, seen live by the other person; the full picker works under the CSP", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  const cspErrors: string[] = [];
  bob.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await joinChannel(ann, "#fun");
  await joinChannel(bob, "#fun");
  await say(ann, "we shipped it");
  await expect(messageLog(bob).getByText("we shipped it")).toBeVisible();

  await lineAction(bob, "we shipped it", "React with 👍");
  const annChip = line(ann, "we shipped it").getByRole("button", { name: /^👍 1, from bob$/ });
  await expect(annChip).toHaveAttribute("aria-pressed", "false");
  await annChip.click();
  await expect(line(bob, "we shipped it").getByRole("button", { name: "👍 2, from bob, ann" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // Bob takes his back by clicking his chip.
  await line(bob, "we shipped it").getByRole("button", { name: /^👍 2/ }).click();
  await expect(line(ann, "we shipped it").getByRole("button", { name: "👍 1, from ann" })).toBeVisible();

  // The full picker, loaded on demand: search, pick, and ann sees it.
  await lineAction(bob, "we shipped it", "Add a reaction");
  const picker = bob.getByRole("dialog", { name: "Pick a reaction" });
  await picker.locator("input").first().fill("duck");
  await picker.locator('button[aria-label="🦆"]').first().click();
  await expect(line(ann, "we shipped it").getByRole("button", { name: "🦆 1, from bob" })).toBeVisible();
  // And the duck is now among bob's recent reactions on the hover bar.
  await line(bob, "we shipped it").hover();
  await expect(line(bob, "we shipped it").getByRole("button", { name: "React with 🦆" })).toBeVisible();
  expect(cspErrors).toEqual([]);
});

test("read markers: reading on one device clears the badge on the other, and a reload keeps badges", async ({
  browser,
  server,
  signUp,
}) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  // Bob's first channel is #quiet: the one a reload opens, so #news stays unread there.
  await joinChannel(bob, "#quiet");
  await joinChannel(ann, "#news");
  await joinChannel(bob, "#news");
  await entry(bob, "#quiet").click();
  const bobPhone = await logInElsewhere(browser, server.url, "bob");
  await entry(bobPhone, "#quiet").click();

  await say(ann, "headline one");
  await say(ann, "bob, headline two");
  for (const page of [bob, bobPhone])
    await expect(entry(page, "#news")).toHaveAccessibleName("#news, 1 mention, 2 unread");

  // A reload asks the server: the badges are still there.
  await bobPhone.reload();
  await expect(entry(bobPhone, "#news")).toHaveAccessibleName("#news, 1 mention, 2 unread");

  // Reading on the first device clears the badge on the other, with a divider where the new lines began.
  await entry(bob, "#news").click();
  await expect(messageLog(bob).getByRole("separator", { name: "New messages" })).toBeVisible();
  await expect(entry(bob, "#news")).toHaveAccessibleName("#news");
  await expect(entry(bobPhone, "#news")).toHaveAccessibleName("#news");
  await bobPhone.reload();
  await expect(entry(bobPhone, "#news")).toHaveAccessibleName("#news");
  await bobPhone.context().close();
});

test("a client offline during an edit and a deletion shows both after reconnecting", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#away");
  await joinChannel(bob, "#away");
  await say(ann, "first draft of the news");
  await say(ann, "a line to take back");
  await say(ann, "unchanged line");
  await expect(messageLog(bob).getByText("unchanged line")).toBeVisible();

  await bob.context().setOffline(true);
  await expect(bob.getByText(/Connection lost/)).toBeVisible({ timeout: 60_000 });

  await lineAction(ann, "first draft of the news", "Edit");
  await composer(ann).fill("final news");
  await composer(ann).press("Enter");
  await expect(line(ann, "final news")).toContainText("(edited)");
  await lineAction(ann, "a line to take back", "Delete");
  await ann.getByRole("dialog", { name: "Delete message" }).getByRole("button", { name: "Delete" }).click();
  await expect(messageLog(ann).getByText("a line to take back")).toHaveCount(0);

  await bob.context().setOffline(false);
  await expect(bob.getByText(/Connection lost/)).toBeHidden({ timeout: 60_000 });
  const log = messageLog(bob);
  await expect(line(bob, "final news")).toContainText("(edited)");
  await expect(log.getByText("first draft of the news")).toHaveCount(0);
  await expect(log.getByText("a line to take back")).toHaveCount(0);
  await expect(log.getByText("(message deleted)")).toBeVisible();
  await expect(log.getByText("unchanged line")).toHaveCount(1);
});
