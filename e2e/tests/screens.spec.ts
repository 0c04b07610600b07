import { expect, joinChannel, say, seriousViolations, test } from "../fixtures/test";

test("dark theme follows the system and passes the accessibility check", async ({ signUp }, testInfo) => {
  const ann = await signUp("ann", { colorScheme: "dark" });
  await joinChannel(ann, "#night");
  await say(ann, "/topic Where the owls meet");
  await say(ann, "good evening, https://example.org is the place");
  await expect(ann.locator("body")).toHaveCSS("background-color", "rgb(22, 24, 29)");
  expect(await seriousViolations(ann), "dark chat screen").toEqual([]);
  await ann.screenshot({ path: testInfo.outputPath("chat-dark.png") });
});

test("a narrow screen keeps every feature a tap away", async ({ signUp }, testInfo) => {
  const ann = await signUp("ann", { viewport: { width: 390, height: 760 } });
  await ann.getByRole("button", { name: "Open the conversation list" }).click();
  await joinChannel(ann, "#mobile");
  await say(ann, "typing on a phone");
  await expect(ann.getByRole("navigation", { name: "Conversations" })).toBeHidden();
  expect(await seriousViolations(ann), "narrow chat screen").toEqual([]);
  await ann.screenshot({ path: testInfo.outputPath("chat-narrow.png") });

  await ann.getByRole("button", { name: "Open the conversation list" }).click();
  await expect(ann.getByRole("navigation", { name: "Conversations" })).toBeVisible();
  await ann.screenshot({ path: testInfo.outputPath("sidebar-narrow.png"), animations: "disabled" });
});

test("keyboard: the quick switcher and Alt+arrows move between conversations", async ({ signUp }) => {
  const ann = await signUp("ann");
  await joinChannel(ann, "#one");
  await joinChannel(ann, "#two");
  await ann.keyboard.press("Control+k");
  const switcher = ann.getByRole("dialog", { name: "Jump to a conversation" });
  await switcher.getByRole("combobox").fill("on");
  await ann.keyboard.press("Enter");
  await expect(ann.getByRole("heading", { level: 1, name: "#one" })).toBeVisible();
  await expect(switcher).toBeHidden();
  await ann.keyboard.press("Alt+ArrowDown");
  await expect(ann.getByRole("heading", { level: 1, name: "#two" })).toBeVisible();

  // A slash opens the command list with one-line help; Tab picks the highlighted command.
  await ann.locator("body").press("Escape");
  const box = ann.getByRole("combobox", { name: "Message #two" });
  await box.fill("/top");
  const list = ann.getByRole("listbox", { name: "Commands" });
  await expect(list.getByRole("option", { name: /\/topic \[#chan\] \[text\].*Show a channel's topic/ })).toBeVisible();
  await box.press("Tab");
  await expect(box).toHaveValue("/topic ");
  await expect(ann.getByText("Show a channel's topic, or set it (operators).")).toBeVisible();
});
