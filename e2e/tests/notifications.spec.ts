import { expect, joinChannel, say, test } from "../fixtures/test";

test("opted in, a mention raises a desktop notification while the tab is hidden, and only then", async ({ signUp }) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  // The page cannot be hidden in a headless run, nor a real notification observed: stand in for
  // both, so what the app decides to show is recorded.
  await ann.context().grantPermissions(["notifications"]);
  await ann.evaluate(() => {
    const shown: string[] = [];
    let hidden = false;
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    class FakeNotification {
      static permission = "granted";
      static requestPermission = (): Promise<string> => Promise.resolve("granted");
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string }) {
        shown.push(`${title}: ${options.body ?? ""}`);
      }
      close() {}
    }
    Object.assign(window, { shown, setHidden: (value: boolean) => (hidden = value), Notification: FakeNotification });
  });
  const shown = () => ann.evaluate(() => (window as unknown as { shown: string[] }).shown);
  const setHidden = (value: boolean) =>
    ann.evaluate((v) => (window as unknown as { setHidden: (v: boolean) => void }).setHidden(v), value);

  await joinChannel(ann, "#pings");
  await joinChannel(bob, "#pings");
  await setHidden(true);
  await say(bob, "ann: not opted in yet");
  await expect(ann.getByText("ann: not opted in yet")).toBeVisible();

  await ann.getByRole("switch", { name: "Mention notifications" }).check();
  await expect(ann.getByRole("switch", { name: "Mention notifications" })).toBeChecked();
  await say(bob, "ann: are you there?");
  await say(bob, "nobody in particular");
  await expect.poll(shown).toEqual(["bob in #pings: ann: are you there?"]);

  await setHidden(false);
  await say(bob, "ann: now you are looking");
  await expect(ann.getByText("ann: now you are looking")).toBeVisible();
  expect(await shown()).toEqual(["bob in #pings: ann: are you there?"]);
});
