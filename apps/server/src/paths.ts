import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, so defaults do not depend on the directory the server was started from. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
