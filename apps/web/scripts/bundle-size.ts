// Prints the production bundle's sizes as the server sends them (the build's brotli copies, as a
// browser that accepts brotli receives them; the raw file where there is none) and fails when what
// the first page load fetches (index.html plus the scripts and styles it references) exceeds the
// budget. The end-to-end first-load test measures the same bytes on a real browser's network.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const BUDGET_BYTES = 150 * 1024;
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
let initialWire = 0;
const rows = files(dist)
  .filter((file) => /\.(js|css|html|svg)$/.test(file))
  .map((file) => {
    const name = path.relative(dist, file);
    const raw = statSync(file).size;
    const wire = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : raw;
    if (initial.has(name)) initialWire += wire;
    return { name, raw, wire, initial: initial.has(name) };
  })
  .sort((a, b) => b.wire - a.wire);

for (const row of rows)
  console.log(
    `${row.initial ? "*" : " "} ${row.name.padEnd(40)} ${kb(row.raw).padStart(10)}  ${kb(row.wire).padStart(10)} sent`,
  );
console.log(`\nFirst load (*): ${kb(initialWire)} on the wire (brotli); budget ${kb(BUDGET_BYTES)}.`);
if (initialWire > BUDGET_BYTES) {
  console.error(`Over budget by ${kb(initialWire - BUDGET_BYTES)}.`);
  process.exit(1);
}
