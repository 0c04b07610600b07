import { mkdirSync } from "node:fs";
import path from "node:path";

/** The absolute file path of a `file:` URL, its folder created so SQLite can make the file. */
export function prepareSqliteFile(databaseUrl: string): string {
  const file = path.resolve(databaseUrl.replace(/^file:(\/\/)?/, ""));
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
