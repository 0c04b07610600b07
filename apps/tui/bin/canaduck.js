#!/usr/bin/env node
// Runs the TypeScript source through tsx, so the terminal client needs no build step.
import { URL, fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/main.tsx");
