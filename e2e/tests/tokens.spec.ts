import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { composer, expect, joinChannel, messageLog, seriousViolations, test } from "../fixtures/test";

/** Types a command in the composer and sends it. */
async function command(page: Page, text: string): Promise<void> {
  const box = composer(page);
  await box.fill(text);
  await box.press("Enter");
  await expect(box).toHaveValue("");
}

test("a bot's token made with /token posts over HTTP as a bot, with a BOT badge, until /token revoke", async ({
  signUp,
  server,
}) => {
  const ann = await signUp("ann");
  await joinChannel(ann, "#bots");
  const notices = ann.locator(".channel-notices");

  await command(ann, "/bot create dicebot");
  await expect(notices.getByText("Bot dicebot made.", { exact: false })).toBeVisible();
  await command(ann, "/token create run read write bot:dicebot");
  await expect(notices.getByText(/API token "run" for dicebot \(read, write\).*will not be shown again/)).toBeVisible();
  const field = ann.getByRole("textbox", { name: "New API token" });
  await expect(field).toHaveValue(/\S{20,}/);
  const token = await field.inputValue();
  await ann.screenshot({ path: test.info().outputPath("new-token.png") });
  expect(await seriousViolations(ann)).toEqual([]);

  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        "idempotency-key": randomUUID(),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  expect((await api("PUT", "/channels/bots/membership")).status).toBe(200);
  expect((await api("POST", "/channels/bots/messages", { text: "beep from the bot" })).status).toBe(201);

  const line = messageLog(ann).locator(".msg").filter({ hasText: "beep from the bot" });
  await expect(line).toBeVisible();
  await expect(line.locator(".bot-badge")).toHaveText("BOT");
  await expect(line.getByRole("button", { name: "dicebot" })).toBeVisible();
  await expect(ann.locator(".member").filter({ hasText: "dicebot" }).locator(".bot-badge")).toHaveText("BOT");
  await ann.screenshot({ path: test.info().outputPath("bot-line.png") });
  // ann's own line carries no badge.
  await command(ann, "a line of ann's");
  await expect(
    messageLog(ann).locator(".msg").filter({ hasText: "a line of ann's" }).locator(".bot-badge"),
  ).toHaveCount(0);

  await command(ann, "/token list bot:dicebot");
  await expect(notices.getByText(/API tokens of dicebot.*\n\s+run\s+read write/)).toBeVisible();
  await command(ann, "/token revoke run");
  await expect(notices.getByText("Token revoked", { exact: false })).toBeVisible();
  const refused = await api("POST", "/channels/bots/messages", { text: "after the revoke" });
  expect(refused.status).toBe(401);
  await expect(messageLog(ann).getByText("after the revoke")).toHaveCount(0);
});
