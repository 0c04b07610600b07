import type { Page } from "@playwright/test";
import { composer, expect, joinChannel, messageLog, say, seriousViolations, test } from "../fixtures/test";

/** Where the list's cells start, the log ends and the panel begins, to check the layout. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const lefts = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((el) => Math.round(el.getBoundingClientRect().left));
    const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect() ?? null;
    const list = document.querySelector<HTMLElement>(".help-list");
    return {
      usageLefts: [...new Set(lefts(".help-list dt"))],
      summaryLefts: [...new Set(lefts(".help-list dd"))],
      logBottom: box('[role="log"]')?.bottom ?? 0,
      panelTop: box(".help-panel")?.top ?? 0,
      panelHeight: box(".help-panel")?.height ?? 0,
      scrolls: list ? list.scrollHeight > list.clientHeight : false,
      viewport: innerHeight,
    };
  });
}

for (const device of [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
])
  test(`/help is a tidy list beside the conversation, not over it (${device.name})`, async ({ signUp }) => {
    const ann = await signUp("ann", { viewport: device.viewport });
    if (device.name === "phone") await ann.getByRole("button", { name: "Open the conversation list" }).click();
    await joinChannel(ann, "#help");
    await say(ann, "the line before asking for help");
    await say(ann, "/help");
    const panel = ann.getByRole("region", { name: "Commands" });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("term").filter({ hasText: /^\/kick nick/ })).toBeVisible();
    await expect(panel.getByText("/suspend nick")).toHaveCount(0);

    const seen = await layout(ann);
    // Every usage starts in one column, every summary in one column (on a phone, under its usage).
    expect(seen.usageLefts).toHaveLength(1);
    expect(seen.summaryLefts).toHaveLength(1);
    // The conversation stays in view above it, and the list scrolls within its own box.
    expect(seen.panelTop).toBeGreaterThanOrEqual(seen.logBottom - 1);
    expect(seen.panelHeight).toBeLessThanOrEqual(seen.viewport * 0.4);
    expect(seen.scrolls).toBe(true);
    await expect(messageLog(ann).getByText("the line before asking for help")).toBeInViewport();
    expect(await seriousViolations(ann)).toEqual([]);
    await ann.screenshot({ path: test.info().outputPath(`help-${device.name}.png`) });

    await panel.getByRole("button", { name: "Close help" }).click();
    await expect(panel).toHaveCount(0);
    await expect(composer(ann)).toBeFocused();

    // One command's help, closed with Escape from the list.
    await say(ann, "/help q");
    const one = ann.getByRole("region", { name: "Help for /query" });
    await expect(one).toContainText("Short form: /q");
    await one.locator(".help-list").focus();
    await ann.keyboard.press("Escape");
    await expect(one).toHaveCount(0);

    // An unknown command is refused at the composer with its code.
    await composer(ann).fill("/help frobnicate");
    await composer(ann).press("Enter");
    await expect(ann.locator('.composer [role="alert"]')).toHaveAttribute("data-code", "UNKNOWN_COMMAND");
  });
