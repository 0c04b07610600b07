import { composer, expect, joinChannel, say, test } from "../fixtures/test";

test("an administrator's alert reaches everyone as a banner", async ({ server, signUp }) => {
  // Registering makes no administrator; the operator grants it from the admin command line.
  const root = await signUp("root");
  await server.grantAdmin("root");
  const bob = await signUp("bob");
  await joinChannel(root, "#news");
  await say(root, "/alert Maintenance at noon, back in five minutes");

  for (const page of [root, bob]) {
    const banner = page.getByRole("alert").filter({ hasText: "Maintenance at noon" });
    await expect(banner).toContainText("root: Maintenance at noon, back in five minutes");
  }
  await bob.getByRole("button", { name: "Dismiss the announcement" }).click();
  await expect(bob.getByText("Maintenance at noon")).toHaveCount(0);

  // Someone who is not an administrator is told so.
  await joinChannel(bob, "#news");
  await composer(bob).fill("/alert me too");
  await composer(bob).press("Enter");
  await expect(bob.locator('.composer [role="alert"]')).toHaveAttribute("data-code", "FORBIDDEN");
  // The refused command stays in the composer, ready to fix.
  await expect(composer(bob)).toHaveValue("/alert me too");
});
