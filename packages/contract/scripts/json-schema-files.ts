import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { jsonSchemaDocuments } from "../src/json-schemas";

export const schemasDir = fileURLToPath(new URL("../schemas", import.meta.url));

export type SchemaFileProblem = { path: string; problem: "missing" | "out of date" | "no longer generated" };

const render = (content: unknown) => `${JSON.stringify(content, null, 2)}\n`;

function jsonFilesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".json"))
      .map((path) => path.split("\\").join("/"));
  } catch {
    return [];
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The files under `dir` that differ from what the zod schemas generate. Files are compared as
 * JSON, so reformatting them (by prettier, say) does not make them out of date.
 */
export function findSchemaFileProblems(dir: string = schemasDir): SchemaFileProblem[] {
  const documents = jsonSchemaDocuments();
  const expected = new Set(documents.map((document) => document.path));
  const present = new Set(jsonFilesUnder(dir));
  const problems: SchemaFileProblem[] = documents.flatMap(({ path, content }): SchemaFileProblem[] => {
    if (!present.has(path)) return [{ path, problem: "missing" }];
    // Compare as JSON text round-trips it, so `undefined` members and key order do not count.
    const onDisk = readJson(join(dir, path));
    return isDeepStrictEqual(onDisk, JSON.parse(render(content))) ? [] : [{ path, problem: "out of date" }];
  });
  const stale = [...present]
    .filter((path) => !expected.has(path))
    .map((path) => ({ path, problem: "no longer generated" as const }));
  return [...problems, ...stale].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Writes every generated schema under `dir` and removes JSON files no event generates any more. */
export function writeSchemaFiles(dir: string = schemasDir): string[] {
  const documents = jsonSchemaDocuments();
  const expected = new Set(documents.map((document) => document.path));
  for (const path of jsonFilesUnder(dir)) if (!expected.has(path)) rmSync(join(dir, path));
  for (const { path, content } of documents) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, render(content));
  }
  return documents.map(({ path }) => relative(process.cwd(), join(dir, path)));
}
