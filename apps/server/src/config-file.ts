import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The configuration file's name, looked up in the working directory unless CANADUCK_CONFIG names one. */
export const CONFIG_FILE_NAME = "canaduck.config.json";

export interface ConfigFile {
  /** The file read, or null when there is none (which is fine: environment and defaults). */
  path: string | null;
  /** Its settings as the environment would spell them: every value as text. */
  values: Record<string, string>;
}

/**
 * Reads canaduck.config.json: keys are the environment variables' names, values strings,
 * numbers or booleans. A key that is not one of `knownKeys`, or a value of another type, stops
 * the start with the key and the file named. `explicitPath` (CANADUCK_CONFIG) must exist.
 */
export function readConfigFile(
  explicitPath: string | undefined,
  cwd: string,
  knownKeys: readonly string[],
): ConfigFile {
  const file = explicitPath ? path.resolve(cwd, explicitPath) : path.join(cwd, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicitPath) throw new Error(`Invalid configuration: CANADUCK_CONFIG names ${file}, which does not exist`);
    return { path: null, values: {} };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Invalid configuration file ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Invalid configuration file ${file}: it must hold one JSON object, such as {"PORT": 3000}`);
  }
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!knownKeys.includes(key)) {
      throw new Error(
        `Invalid configuration file ${file}: unknown key ${key} (keys are the environment variables' names, such as PORT)`,
      );
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new Error(`Invalid configuration file ${file}: ${key} must be a string, a number or a boolean`);
    }
    values[key] = String(value);
  }
  return { path: file, values };
}
