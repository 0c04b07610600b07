import { expect, test } from "../fixtures/test";

test("the HTTP API's reference page works under the server's CSP and calls the API", async ({ page, server }) => {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  const response = await page.goto(`${server.url}/api/docs`);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");

  // Swagger UI drew the document it fetched: the operations are there, by tag.
  const listChannels = page.locator("#operations-channels-getChannels");
  await expect(listChannels).toBeVisible();
  await expect(page.locator("#operations-sessions-postSessions")).toBeVisible();

  // "Try it out" calls the API from the page (connect-src 'self'): without a token, a coded 401.
  await listChannels.locator(".opblock-summary").click();
  await listChannels.getByRole("button", { name: "Try it out" }).click();
  await listChannels.getByRole("button", { name: "Execute" }).click();
  const live = listChannels.locator(".live-responses-table");
  await expect(live).toContainText("401");
  await expect(live).toContainText("NOT_AUTHENTICATED");
  expect(refusals).toEqual([]);
});
