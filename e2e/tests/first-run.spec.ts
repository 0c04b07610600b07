import { expect, test } from "../fixtures/test";

test("the first-run screen takes the /join it suggests, and its button opens the channel browser", async ({
  signUp,
}) => {
  const ann = await signUp("ann");
  await expect(ann.getByRole("heading", { level: 1, name: "Welcome to CanaDuck" })).toBeVisible();
  const input = ann.getByRole("combobox", { name: "Type a command" });

  // Plain text has nowhere to go yet: said so, and the text stays to be fixed.
  await input.fill("hello?");
  await input.press("Enter");
  await expect(ann.getByText("There is no channel or conversation open to send to")).toBeVisible();
  await expect(input).toHaveValue("hello?");

  await ann.getByRole("button", { name: "Browse channels" }).click();
  await expect(ann.getByRole("dialog", { name: "Browse channels" })).toBeVisible();
  await ann.keyboard.press("Escape");

  await input.fill("/join #firstrun");
  await input.press("Enter");
  await expect(ann.getByRole("heading", { level: 1, name: "#firstrun" })).toBeVisible();
  await expect(ann.getByRole("combobox", { name: "Message #firstrun" })).toBeFocused();
});
