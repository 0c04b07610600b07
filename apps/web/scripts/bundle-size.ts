// Prints the production bundle's sizes, raw and gzipped, and fails when what the first page
// load fetches (index.html plus the scripts and styles it references) exceeds the budget.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 200 * 1024;
const dist = path.resolve(import.meta.dirname, "..", "dist");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
let indexHtml: string;
try {
  indexHtml = readFileSync(path.join(dist, "index.html"), "utf8");
} catch {
  console.error(`No build in ${dist}: run \`npm run build --workspace @canaduck/web\` first.`);
  process.exit(1);
}

// What index.html loads before the app can show anything.
const initial = new Set([
  "index.html",
  ...[...indexHtml.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? ""),
]);
let initialGzip = 0;
const rows = files(dist)
  .filter((file) => /\.(js|css|html|svg)$/.test(file))
  .map((file) => {
    const name = path.relative(dist, file);
    const raw = readFileSync(file);
    const gzip = gzipSync(raw, { level: 9 }).length;
    if (initial.has(name)) initialGzip += gzip;
    return { name, raw: raw.length, gzip, initial: initial.has(name) };
  })
  .sort((a, b) => b.gzip - a.gzip);

for (const row of rows)
  console.log(
    `${row.initial ? "*" : " "} ${row.name.padEnd(40)} ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(10)} gzipped`,
  );
console.log(`\nInitial load (*): ${kb(initialGzip)} gzipped; budget ${kb(BUDGET_BYTES)}.`);
if (initialGzip > BUDGET_BYTES) {
  console.error(`Over budget by ${kb(initialGzip - BUDGET_BYTES)}.`);
  process.exit(1);
}
