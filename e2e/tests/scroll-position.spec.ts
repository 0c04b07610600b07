import type { Page } from "@playwright/test";
import { seedHistory } from "../fixtures/seed";
import { expect, joinChannel, messageLog, test } from "../fixtures/test";

// Seeding says a hundred and fifty lines in a moment, far past the per-user send limit.
test.use({ serverEnv: { RATE_LIMITS: "off" } });
const line = (i: number) => `long line ${String(i).padStart(3, "0")}`;

const open = (page: Page, name: string) =>
  page
    .getByRole("navigation", { name: "Conversations" })
    .getByRole("button", { name: new RegExp(`^${name}\\b`) })
    .click();

/** The text of the topmost line fully in the message log's view. */
const topLine = (page: Page) =>
  messageLog(page).evaluate((log) => {
    const top = log.getBoundingClientRect().top;
    const rows = [...log.querySelectorAll<HTMLElement>("[data-seq]")].filter(
      (r) => r.getBoundingClientRect().top >= top,
    );
    rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    const said = rows.map((r) => /long line \d+/.exec(r.textContent ?? "")?.[0]).find((text) => text !== undefined);
    return said ?? null;
  });

test("switching conversations keeps where the reader was in each", async ({ server, signUp }) => {
  await seedHistory(server.url, "archivist", "#long", 150, line);
  const ann = await signUp("ann");
  await joinChannel(ann, "#other");
  await joinChannel(ann, "#long");
  const log = messageLog(ann);
  await expect(log.getByText(line(150), { exact: true })).toBeVisible();

  // Read back a little way: the line at the top of the view is where ann is.
  // All of it loaded first (older pages come as the top nears), so the place read is final.
  await expect(async () => {
    await log.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(log.getByText(line(1), { exact: true })).toBeAttached({ timeout: 1_000 });
  }).toPass();
  await log.evaluate((el) => el.scrollTo({ top: el.scrollHeight - el.clientHeight - 900 }));
  await expect(log.getByText(line(150), { exact: true })).not.toBeInViewport();
  // The rows in view are drawn a frame after the scroll.
  await expect.poll(() => topLine(ann)).toMatch(/long line (0[5-9]\d|1\d\d)/);
  const reading = (await topLine(ann)) ?? "";

  await open(ann, "#other");
  await expect(ann.getByRole("heading", { level: 1, name: "#other" })).toBeVisible();
  await open(ann, "#long");
  await expect(log.getByText(reading, { exact: true })).toBeInViewport();
  await expect(log.getByText(line(150), { exact: true })).not.toBeInViewport();

  // Back at the bottom, the conversation opens at its newest line again.
  await ann.getByRole("button", { name: /Jump to latest/ }).click();
  await expect(log.getByText(line(150), { exact: true })).toBeInViewport();
  await open(ann, "#other");
  await open(ann, "#long");
  await expect(log.getByText(line(150), { exact: true })).toBeInViewport();
});
