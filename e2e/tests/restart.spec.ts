import { expect, joinChannel, messageLog, say, test } from "../fixtures/test";

for (const signal of ["SIGTERM", "SIGKILL"] as const) {
  test(`the server restarts mid-conversation (${signal}) and both people end with every line, none twice`, async ({
    server,
    signUp,
  }) => {
    const ann = await signUp("ann");
    const bob = await signUp("bob");
    await joinChannel(ann, "#live");
    await joinChannel(bob, "#live");
    await say(ann, "before 1");
    await say(bob, "before 2");
    await expect(messageLog(ann).getByText("before 2")).toBeVisible();

    await server.stop(signal);
    for (const page of [ann, bob]) await expect(page.getByText(/Connection lost/)).toBeVisible();
    // Said while the server is down: kept in the outbox and sent once it is back.
    await say(ann, "while down 1");
    await say(bob, "while down 2");

    await server.start();
    for (const page of [ann, bob]) await expect(page.getByText(/Connection lost/)).toBeHidden({ timeout: 30_000 });
    await say(ann, "after 1");
    await say(bob, "after 2");

    const lines = ["before 1", "before 2", "while down 1", "while down 2", "after 1", "after 2"];
    for (const page of [ann, bob]) {
      const log = messageLog(page);
      for (const text of lines) await expect(log.getByText(text, { exact: true })).toHaveCount(1);
      await expect(log.locator(".msg.pending")).toHaveCount(0);
    }
    // And what the server stored agrees: a reload shows each line once.
    await bob.reload();
    for (const text of lines) await expect(messageLog(bob).getByText(text, { exact: true })).toHaveCount(1);
  });
}
