import { expect, joinChannel, messageLog, say, test } from "../fixtures/test";

test("markup in a message is shown as text and runs nothing; links are safe", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  const dialogs: string[] = [];
  for (const page of [ann, bob]) page.on("dialog", (d) => void (dialogs.push(d.message()), d.dismiss()));
  await joinChannel(ann, "#safe");
  await joinChannel(bob, "#safe");

  const attack = "<img src=x onerror=alert(1)>";
  await say(ann, attack);
  await say(ann, "<script>alert(2)</script> and javascript:alert(3) and https://example.org/docs?a=1");
  for (const page of [ann, bob]) {
    const log = messageLog(page);
    await expect(log.getByText(attack, { exact: true })).toBeVisible();
    await expect(log.locator("img")).toHaveCount(0);
    await expect(log.locator("script")).toHaveCount(0);
    const link = log.getByRole("link", { name: "https://example.org/docs?a=1" });
    await expect(link).toHaveAttribute("href", "https://example.org/docs?a=1");
    await expect(link).toHaveAttribute("rel", /noopener/);
    await expect(log.locator('a[href^="javascript"]')).toHaveCount(0);
  }
  expect(dialogs).toEqual([]);
});
