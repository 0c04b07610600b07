// The five fault scenarios at a larger scale than CI runs them, with their figures printed.
// Usage: npm run faults --workspace @canaduck/bench   (about five minutes on 2 cores)
import { crashRecovery } from "./src/faults/crash-recovery";
import { databaseOutage } from "./src/faults/database-outage";
import { hostileInput } from "./src/faults/hostile-input";
import { reconnectStorm } from "./src/faults/reconnect-storm";
import { slowConsumer } from "./src/faults/slow-consumer";
import { mib } from "./src/stats";

const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main(): Promise<void> {
  const rows: string[][] = [];
  const header = [
    "scenario",
    "messages sent",
    "reconnects",
    "lost",
    "duplicated",
    "peak server memory",
    "bystander p99",
    "other",
  ];
  // Each scenario's row is printed as soon as it is measured, and again in the table at the end.
  const record = (row: string[]) => {
    console.log(header.map((h, i) => `${h}: ${row[i] ?? ""}`).join(" | "));
    rows.push(row);
  };

  const storm = await reconnectStorm({ clients: 20, publishers: 5, channels: 3, reconnects: 3_000, rate: 20 });
  record([
    "reconnect storm",
    String(storm.sent),
    String(storm.reconnects),
    String(storm.ackedNotStored + storm.lostInViews),
    String(storm.storedTwice + storm.duplicatedInViews),
    mib(storm.peakServerRss),
    "-",
    `misordered views ${storm.misordered}`,
  ]);

  const crash = await crashRecovery({
    clients: 10,
    publishers: 5,
    rate: 30,
    crashes: 5,
    uptimeMs: 3_000,
    downtimeMs: 1_500,
  });
  record([
    "SIGKILL under load",
    String(crash.sent),
    `${crash.crashes} crashes`,
    String(crash.ackedNotStored + crash.lostInViews),
    String(crash.storedTwice + crash.duplicatedInViews),
    "-",
    "-",
    `acked before 1st kill ${crash.ackedBeforeCrash}`,
  ]);

  const hostile = await hostileInput({
    events: 50_000,
    concurrency: 8,
    serverEnv: { NODE_OPTIONS: "--max-old-space-size=160" },
  });
  record([
    "hostile input",
    `${hostile.events} events`,
    String(hostile.reconnects),
    "-",
    "-",
    `${mib(hostile.peakRss)} (quiet ${mib(hostile.baselineRss)})`,
    `${ms(hostile.underAttackP99Ms)} (quiet ${ms(hostile.baselineP99Ms)})`,
    `uncoded ${hostile.uncoded}, unheard ${hostile.unheard}, server up ${hostile.serverAlive}`,
  ]);

  const slow = await slowConsumer({ publishers: 3, rate: 80, durationMs: 20_000, maxQueuedBytes: 2 * 1024 * 1024 });
  record([
    "slow consumer",
    String(slow.sent),
    "-",
    "-",
    "-",
    `${mib(slow.peakRss)} (before ${mib(slow.baselineRss)})`,
    `${ms(slow.loadWithSlowClientP99Ms)} (same load without: ${ms(slow.loadP99Ms)})`,
    `dropped ${slow.slowClientDropped}, ${mib(slow.bytesToSlowClient)} sent its way`,
  ]);

  const outage = await databaseOutage({ clients: 10, publishers: 5, rate: 30, outageMs: 5_000 });
  record([
    "database outage",
    String(outage.sent),
    "-",
    String(outage.ackedNotStored + outage.lostInViews),
    String(outage.storedTwice + outage.duplicatedInViews),
    "-",
    "-",
    `${outage.unavailableAnswers} UNAVAILABLE answers in ${outage.outageMs} ms`,
  ]);

  console.log("");
  const table = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | "));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
