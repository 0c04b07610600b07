#!/usr/bin/env node
// Runs the compiled client (npm run build); stack traces point into the TypeScript source.
process.setSourceMapsEnabled(true);
await import("../dist/main.js");
