/**
 * Writes packages/contract/schemas/ from the zod catalog. With --check it writes nothing and exits 1
 * when a file is missing, out of date or no longer generated (run `npm run schemas` to fix).
 */
import { findSchemaFileProblems, schemasDir, writeSchemaFiles } from "./json-schema-files";

if (process.argv.includes("--check")) {
  const problems = findSchemaFileProblems();
  if (problems.length > 0) {
    console.error(`JSON Schemas in ${schemasDir} do not match the zod schemas:`);
    for (const { path, problem } of problems) console.error(`  ${path}: ${problem}`);
    console.error("Run `npm run schemas --workspace @canaduck/contract` to regenerate them.");
    process.exit(1);
  }
  console.log(`JSON Schemas in ${schemasDir} are up to date.`);
} else {
  const written = writeSchemaFiles();
  console.log(`Wrote ${written.length} JSON Schema files to ${schemasDir}.`);
}
