import type { Browser, Page } from "@playwright/test";
import { PASSWORD, composer, expect, joinChannel, messageLog, say, seriousViolations, test } from "../fixtures/test";

/** The same person on another device: a new browser context that logs in. */
async function logInElsewhere(browser: Browser, url: string, name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(page.getByRole("main", { name: "Conversation" })).toBeVisible();
  return page;
}

const openSettings = async (page: Page) => {
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  return page.getByRole("dialog", { name: "Settings", exact: true });
};
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const entry = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: new RegExp(`^${name}\\b`) });

test("settings changed in one browser show at once in the other, and after reloading", async ({
  signUp,
  server,
  browser,
}) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#prefs");
  await joinChannel(bob, "#prefs");
  await composer(bob).fill("bob starts typing");
  await expect(ann.getByText("bob is typing…")).toBeVisible();
  await composer(bob).fill("");
  const annElsewhere = await logInElsewhere(browser, server.url, "ann");
  const lightBackground = await pageBackground(annElsewhere);

  const settings = await openSettings(ann);
  await settings.getByRole("radio", { name: "Dark" }).check();
  await settings.getByRole("radio", { name: /12-hour/ }).check();
  await settings.getByRole("checkbox", { name: "Compact layout" }).check();
  await settings.getByRole("checkbox", { name: /Mute/ }).check();
  await expect(settings.getByRole("checkbox", { name: /Mute/ })).toBeChecked();
  await ann.screenshot({ path: test.info().outputPath("settings-panel.png") });
  expect(await seriousViolations(ann)).toEqual([]);
  await settings.getByRole("button", { name: "Close" }).click();

  // The other device follows without reloading: dark theme, compact rows, 12-hour times, #prefs muted.
  await expect(annElsewhere.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await pageBackground(annElsewhere)).not.toBe(lightBackground);
  await expect(annElsewhere.locator(".app")).toHaveClass(/\bcompact\b/);
  await expect(entry(annElsewhere, "#prefs")).toHaveAccessibleName(/muted/);
  await say(bob, "a line while ann is muted");
  await expect(messageLog(annElsewhere).getByText("a line while ann is muted")).toBeVisible();
  await expect(messageLog(annElsewhere).locator("time").last()).toHaveText(/AM|PM/);

  // Kept on the server: a reload (a fresh client) shows the same.
  await annElsewhere.reload();
  await expect(annElsewhere.getByRole("main", { name: "Conversation" })).toBeVisible();
  await expect(annElsewhere.locator("html")).toHaveAttribute("data-theme", "dark");
  const again = await openSettings(annElsewhere);
  await expect(again.getByRole("radio", { name: "Dark" })).toBeChecked();
  await expect(again.getByRole("checkbox", { name: "Compact layout" })).toBeChecked();
  await again.getByRole("radio", { name: "Follow the system" }).check();
  await again.getByRole("checkbox", { name: /Typing notices/ }).uncheck();
  await annElsewhere.screenshot({ path: test.info().outputPath("settings-dark.png") });
  await again.getByRole("button", { name: "Close" }).click();
  await expect(ann.locator("html")).not.toHaveAttribute("data-theme", /./);

  // Typing notices off: ann is not shown bob typing, and her typing is not sent to bob (with
  // them on, as before, each saw the other: checked first, so the absence below means something).
  await expect(ann.getByRole("dialog", { name: "Settings", exact: true })).toHaveCount(0);
  await composer(bob).fill("typing slowly");
  await composer(ann).fill("ann types too");
  // Long enough for both indications to cross (they take a round trip of milliseconds here).
  await ann.waitForTimeout(1_500);
  await expect(bob.getByText("ann is typing…")).toHaveCount(0);
  await expect(ann.getByText("bob is typing…")).toHaveCount(0);
  // Bob keeps his own settings: the default theme.
  expect(await bob.locator("html").getAttribute("data-theme")).toBeNull();
});
