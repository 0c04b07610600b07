#!/usr/bin/env -S node --optimize-for-size
// Runs the compiled client (npm run build). --optimize-for-size keeps a chat client's memory
// small: with V8's defaults, which grow the heap lazily, the client took 175–214 MiB after
// 10,000 lines though it holds at most 1,000 a conversation; with it, 112 MiB (bench/tui.ts).
// Started as `node bin/canaduck.js` (as the tests do), it runs without it.
//
// Source maps are left off: loading the bundle's 4 MiB map on every start cost 15 MiB and
// ~30 ms; for stack traces that point into the TypeScript, run with NODE_OPTIONS=--enable-source-maps.
import module from "node:module";

// Node ≥ 22.1: the compiled bundle is cached on disk, so later starts skip most of its parse.
module.enableCompileCache?.();
await import("../dist/main.js");
