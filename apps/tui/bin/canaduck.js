#!/usr/bin/env node
// Runs the compiled client (npm run build); stack traces point into the TypeScript source.
import process from "node:process";

process.setSourceMapsEnabled(true);
await import("../dist/main.js");
