import type { Page } from "@playwright/test";
import { SeedClient } from "../fixtures/seed";
import { composer, expect, joinChannel, messageLog, say, seriousViolations, test } from "../fixtures/test";

// Seeding says a hundred lines in a second, far past the per-user send limit.
test.use({ serverEnv: { RATE_LIMITS: "off" } });

/** Lines said after the old one: more than a page, so it is not loaded when #ops opens. */
const FILLER = 120;
const line = (page: Page, text: string) => messageLog(page).locator(".msg", { hasText: text }).last();
const panel = (page: Page) => page.getByRole("dialog", { name: "Search messages" });
const result = (page: Page, text: string) => panel(page).getByRole("option").filter({ hasText: text });

/** Replaces what the search box holds, as a user typing would (each key searches again). */
async function searchFor(page: Page, text: string): Promise<void> {
  const box = panel(page).getByRole("combobox", { name: "Search messages" });
  await box.fill("");
  await box.pressSequentially(text);
}

/**
 * carol, seeded: an old line in #ops far back, an invite-only #vault with ann invited, a line
 * edited to a new text, a line deleted, and a direct message to ann.
 */
async function seedScene(url: string): Promise<void> {
  const carol = await SeedClient.connect(url);
  const send = async (target: string, text: string) =>
    ((await carol.call("message:send", { target, text })) as { message: { seq: number } }).message.seq;
  try {
    await carol.call("auth:register", { name: "carol", password: "seed password 1" });
    await carol.call("channel:join", { channel: "#ops" });
    await send("#ops", "quokka migration is finished");
    for (let i = 1; i <= FILLER; i += 1) await send("#ops", `filler line ${i}`);
    const typo = await send("#ops", "penguin typo here");
    await carol.call("message:edit", { target: "#ops", seq: typo, text: "quokka spelled right" });
    const doomed = await send("#ops", "quokka doomed line");
    await carol.call("message:delete", { target: "#ops", seq: doomed });
    await carol.call("channel:join", { channel: "#vault" });
    await carol.call("channel:mode", { channel: "#vault", inviteOnly: true });
    await send("#vault", "quokka vault secret");
    await carol.call("channel:invite", { channel: "#vault", nick: "ann" });
    await send("ann", "quokka between us");
  } finally {
    carol.close();
  }
}

test("search finds what a user may read, marks the words, and opens a result at its line", async ({
  server,
  signUp,
}, testInfo) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await seedScene(server.url);
  await joinChannel(ann, "#ops");
  await say(ann, "/join #vault");
  await expect(ann.getByRole("heading", { level: 1, name: /#vault/ })).toBeVisible();
  await joinChannel(bob, "#ops");

  // Ctrl+F while the chat has focus opens the search; the last word matches as a prefix as it is typed.
  await ann.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /^#ops/ }).click();
  await composer(ann).focus();
  await ann.keyboard.press("Control+f");
  await searchFor(ann, "quok");
  for (const text of [
    "quokka migration is finished",
    "quokka spelled right",
    "quokka vault secret",
    "quokka between us",
  ])
    await expect(result(ann, text)).toBeVisible();
  await expect(result(ann, "quokka migration is finished").locator("mark")).toHaveText(["quokka"]);
  await expect(result(ann, "#ops").first()).toContainText("carol");
  // A deleted line is never found; an edited one only by its new text.
  await expect(result(ann, "doomed")).toHaveCount(0);
  await ann.screenshot({ path: testInfo.outputPath("search-results.png") });
  expect(await seriousViolations(ann)).toEqual([]);
  await searchFor(ann, "penguin");
  await expect(panel(ann).getByRole("status")).toHaveText("No results for “penguin”.");
  await expect(panel(ann).getByRole("option")).toHaveCount(0);

  // A click lands on the old line, loaded with its neighbours and marked as a reply's jump marks it.
  await searchFor(ann, "quokka migration");
  await result(ann, "quokka migration is finished").click();
  await expect(panel(ann)).toHaveCount(0);
  await expect(ann.getByRole("heading", { level: 1, name: /#ops/ })).toBeVisible();
  const old = line(ann, "quokka migration is finished");
  await expect(old).toBeVisible();
  await expect(old).toHaveClass(/highlighted/);
  await expect(messageLog(ann).getByText("filler line 1", { exact: true })).toBeVisible();

  // Filters in the text; ↓ and Enter open a direct conversation's line.
  await ann.keyboard.press("Control+f");
  await searchFor(ann, "from:carol in:carol quokka");
  await expect(panel(ann).getByRole("option")).toHaveCount(1);
  await expect(result(ann, "quokka between us")).toContainText("@carol");
  await ann.keyboard.press("ArrowDown");
  await ann.keyboard.press("Enter");
  await expect(ann.getByRole("heading", { level: 1, name: /carol/ })).toBeVisible();
  await expect(line(ann, "quokka between us")).toHaveClass(/highlighted/);

  // /search typed in the composer opens the same results; a refusal's reason is shown; Esc closes.
  await composer(ann).fill("/search vault");
  await composer(ann).press("Enter");
  await expect(result(ann, "quokka vault secret")).toBeVisible();
  await searchFor(ann, "quokka before:2026-02-30");
  await expect(panel(ann).getByRole("status")).toContainText("takes a date like 2026-12-01");
  await ann.keyboard.press("Escape");
  await expect(panel(ann)).toHaveCount(0);

  // bob is in #ops but not in the invite-only #vault: its line is never among his results.
  await bob.getByRole("button", { name: "Search messages" }).click();
  await searchFor(bob, "quokka");
  await expect(result(bob, "quokka migration is finished")).toBeVisible();
  await expect(result(bob, "quokka spelled right")).toBeVisible();
  await expect(result(bob, "vault")).toHaveCount(0);
  await expect(result(bob, "between us")).toHaveCount(0);
  await searchFor(bob, "vault");
  await expect(panel(bob).getByRole("status")).toHaveText("No results for “vault”.");
});
