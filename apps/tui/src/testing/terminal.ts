import type { EventEmitter } from "node:events";

/** Keys as a terminal sends them. */
export const keys = {
  enter: "\r",
  tab: "\t",
  backspace: "\u007f",
  up: "\u001b[A",
  down: "\u001b[B",
  pageUp: "\u001b[5~",
  pageDown: "\u001b[6~",
  ctrlC: "\u0003",
  ctrlN: "\u000e",
  ctrlP: "\u0010",
  ctrlW: "\u0017",
  alt: (key: string) => `\u001b${key}`,
};

/** Gives ink-testing-library's fake stdout a size and tells the app it changed, as a terminal resize does. */
export function resize(stdout: EventEmitter, columns: number, rows: number): void {
  Object.defineProperty(stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(stdout, "rows", { value: rows, configurable: true });
  stdout.emit("resize");
}
