#!/usr/bin/env node
// The admin command line: the compiled file when `npm run build` made one, else the TypeScript
// source through tsx (a dependency of the server), so it works in a checkout before any build.
import { existsSync } from "node:fs";
import { URL } from "node:url";

const compiled = new URL("../dist/admin/main.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/admin/main.ts", import.meta.url).href);
}
