/**
 * `npm run bench:flat` (also part of `npm run bench`): cost that stays flat as data grows (issue
 * 20). On SQLite and PostgreSQL in turn: history pages of a channel of a million lines against one
 * of a thousand; join, part and kick in a channel of ten thousand members against one of ten;
 * start-up on that database against an empty one; session:state for a member of 200 channels.
 * Prints the figures and the targets and writes bench/FLAT-RESULTS.md. Shape: BENCH_FLAT_LINES,
 * BENCH_FLAT_MEMBERS, BENCH_FLAT_CHANNELS; BENCH_FLAT_DATABASES=sqlite|postgres|sqlite,postgres.
 */
import { writeReport } from "./src/report-file";
import { flatCase, type FlatResult } from "./src/flat/flat-case";
import { flatTables, flatTargetLines } from "./src/flat/flat-report";
import type { FlatShape } from "./src/flat/flat-seed";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const shape: FlatShape = {
  bigLines: num("BENCH_FLAT_LINES", 1_000_000),
  smallLines: 1_000,
  crowd: num("BENCH_FLAT_MEMBERS", 10_000),
  few: 60,
  probeChannels: num("BENCH_FLAT_CHANNELS", 200),
  kicks: 50,
};
const databases = (process.env.BENCH_FLAT_DATABASES ?? "sqlite,postgres")
  .split(",")
  .map((d) => d.trim())
  .filter((d): d is "sqlite" | "postgres" => d === "sqlite" || d === "postgres");

async function main(): Promise<void> {
  const results: FlatResult[] = [];
  for (const database of databases) {
    const result = await flatCase(database, shape);
    console.log("flat", JSON.stringify(result));
    results.push(result);
  }
  const sections = [flatTables(results), ["## Targets", "", ...flatTargetLines(results)].join("\n")];
  console.log(`\n${sections.join("\n\n")}\n`);
  writeReport({
    file: "FLAT-RESULTS.md",
    title: "Flat-with-data bench results",
    rewrittenBy:
      "Rewritten by `npm run bench` or `npm run bench:flat` (bench/flat.ts). The client runs on the same machine as the server.",
    shape: `one server process per database holding #big (${shape.bigLines} lines) and #small (${shape.smallLines}), #crowd (${shape.crowd} members) and #few (${shape.few}), and a user in ${shape.probeChannels} channels with 5 lines unread in each; accounts, lines and markers written straight into the database (lines through the server's own triggers). Over Socket.IO, one request at a time: history:read pages of ${50} (newest, before the middle, after the last 50), ${200} rounds after as many unmeasured; a user outside joining and parting each crowded/small channel, 100 rounds; the owner kicking one of ${shape.kicks} members from each, one per round (the members are offline: what is timed is the server's work, not the fan-out); session:state 100 times after 50. Both sides of each comparison run in the same rounds, one after the other. Start-up: spawn to the first healthy answer, median of 3, on this database and on an empty migrated one.`,
    command:
      "`npm run bench:flat` (shape overridable with BENCH_FLAT_LINES, BENCH_FLAT_MEMBERS, BENCH_FLAT_CHANNELS; BENCH_FLAT_DATABASES=sqlite,postgres).",
    sections,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
