// Cheap attacks from one address, each beside a canary user who says a line every 200 ms, with
// the server's rate limits on as deployed (issue 19 A). Target for each: canary p99 ≤ 100 ms,
// no canary send failed, server memory grown by ≤ 100 MiB.
// Usage: npm run bench:attacks   (about two minutes on 2 cores; ATTACK_SECONDS to change, ATTACK_ONLY to pick)
import { attacks } from "./src/attacks/attacks";
import { canaryProcess } from "./src/attacks/canary";
import { emitRaw, rawSocket, registerRaw } from "./src/raw-socket";
import { ServerProcess } from "./src/server-process";
import { mib } from "./src/stats";

const durationMs = Number(process.env.ATTACK_SECONDS ?? "10") * 1000;

async function main(): Promise<void> {
  // The canary and the seeding are people, not attackers: they may say more than the default allows.
  const server = new ServerProcess({
    RATE_LIMITS: "on",
    RATE_SEND_PER_USER: "1000/30s",
    RATE_SEND_PER_ADDRESS: "2000/30s",
  });
  await server.start();
  try {
    const seeder = await rawSocket(server.url, await registerRaw(server.url, "seeder"));
    await emitRaw(seeder, "channel:join", { channel: "#big" });
    // 200 lines of 4,000 characters: a page of them is about 2.1 MB.
    for (let i = 0; i < 200; i++)
      await emitRaw(seeder, "message:send", { target: "#big", text: `${i} `.padEnd(4_000, "x") });
    const birdToken = await registerRaw(server.url, "canary");
    const bird = await rawSocket(server.url, birdToken);
    await emitRaw(bird, "channel:join", { channel: "#canary" });
    bird.disconnect();
    const watcher = await canaryProcess(server.url, birdToken, "#canary");

    const rest = watcher.watch();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const quiet = await rest.stop();
    console.log(
      `at rest: canary p50 ${quiet.p50.toFixed(0)} ms, p99 ${quiet.p99.toFixed(0)} ms, ${quiet.failed} failed`,
    );

    let missed = 0;
    // ATTACK_ONLY=<words>: only the attacks whose name contains one of them (e.g. "typing,list").
    const only = process.env.ATTACK_ONLY?.split(",").filter(Boolean);
    for (const attack of attacks.filter((a) => !only || only.some((word) => a.name.includes(word)))) {
      const launch = await attack.prepare(server.url);
      const before = server.rss();
      server.resetPeak();
      const watch = watcher.watch();
      const what = await launch(durationMs);
      const seen = await watch.stop();
      const grew = server.peakRssBytes - before;
      const ok = seen.p99 <= 100 && seen.failed === 0 && grew <= 100 * 1024 * 1024;
      if (!ok) missed += 1;
      console.log(
        `${ok ? "meets" : "MISSES"} | ${attack.name} | canary p50 ${seen.p50.toFixed(0)} ms, p99 ${seen.p99.toFixed(0)} ms, ` +
          `${seen.failed} of ${seen.sends} failed | memory ${mib(before)} → peak ${mib(server.peakRssBytes)} (+${mib(grew)}) | ${what}`,
      );
    }
    seeder.disconnect();
    watcher.close();
    console.log(missed === 0 ? "every attack within the target" : `${missed} attack(s) missed the target`);
  } finally {
    await server.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
