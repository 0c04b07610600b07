import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { machineLine } from "./stats";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface Report {
  /** The file's name in bench/, e.g. "RESULTS.md". */
  file: string;
  title: string;
  /** Which command rewrites the file, and where its clients run. */
  rewrittenBy: string;
  /** The load's shape, as prose (after "Shape: "). */
  shape: string;
  /** The command and its overrides (after "Command: "). */
  command: string;
  sections: string[];
}

/** Writes a bench report in the layout every one shares: title, who rewrites it, machine, shape, command, then the tables. */
export function writeReport(r: Report): void {
  const text = [
    `# ${r.title}`,
    "",
    r.rewrittenBy,
    "",
    `Machine: ${machineLine()}`,
    "",
    `Shape: ${r.shape}`,
    "",
    `Command: ${r.command}`,
    "",
    ...r.sections.flatMap((s) => [s, ""]),
  ].join("\n");
  writeFileSync(path.join(benchDir, r.file), text);
}
