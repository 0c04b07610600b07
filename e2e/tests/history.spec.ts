import { seedHistory } from "../fixtures/seed";
import { expect, joinChannel, messageLog, test } from "../fixtures/test";

const SEEDED = 400;
// Seeding says hundreds of lines in a second, far past the per-user send limit.
test.use({ serverEnv: { RATE_LIMITS: "off" } });
const line = (i: number) => `history line ${String(i).padStart(3, "0")}`;

test("history survives a reload and scrolling up loads older pages, rendering only what is visible", async ({
  server,
  signUp,
}, testInfo) => {
  await seedHistory(server.url, "archivist", "#history", SEEDED, line);
  const ann = await signUp("ann");
  await joinChannel(ann, "#history");
  const log = messageLog(ann);
  await expect(log.getByText(line(SEEDED), { exact: true })).toBeVisible();

  await ann.reload();
  await expect(log.getByText(line(SEEDED), { exact: true })).toBeVisible();
  await expect(log.getByText(line(1), { exact: true })).toHaveCount(0);

  // Scroll to the top again and again: each time the next older page arrives, until the first line.
  await expect(async () => {
    await log.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(log.getByText(line(1), { exact: true })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [200, 400, 800] });
  await expect(log.getByText("This is the very beginning of the conversation.")).toBeVisible();
  await ann.screenshot({ path: testInfo.outputPath("history-top.png") });

  // All lines are loaded, yet only a screenful (plus a margin) is in the DOM.
  const rendered = await log.locator(".row").count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  // Away from the newest line, a control brings the reader back.
  await ann.getByRole("button", { name: /Jump to latest/ }).click();
  await expect(log.getByText(line(SEEDED), { exact: true })).toBeVisible();
  await expect(ann.getByRole("button", { name: /Jump to latest/ })).toBeHidden();
});
