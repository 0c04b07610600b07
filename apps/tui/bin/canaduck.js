#!/usr/bin/env -S MALLOC_ARENA_MAX=1 MALLOC_MMAP_THRESHOLD_=65536 node --optimize-for-size --max-opt=2 --bytecode-old-age=1 --expose-gc
// Runs the compiled client (npm run build), tuned for a chat client's memory rather than peak
// speed (bench/tui.ts, RSS after 10,000 lines; it holds at most 1,000 a conversation):
// - --optimize-for-size: V8 grows the heap less eagerly (175–214 MiB with the defaults, 113 with it);
// - MALLOC_ARENA_MAX=1: V8's worker threads share one malloc arena instead of keeping ~6 MiB
//   each of freed compiler memory (−15 MiB);
// - MALLOC_MMAP_THRESHOLD_=65536: blocks of 64 KiB and more (compiler zones) go back to the system
//   when freed instead of staying in the arena (−5 MiB);
// - --max-opt=2: Maglev is the top tier, not TurboFan, whose code and compile memory a client
//   that mostly waits does not earn back (−3 MiB, no more CPU under a flood);
// - --bytecode-old-age=1: bytecode of functions not run since the last full GC (start-up, the
//   login screen) is dropped sooner, and compiled again if ever needed (−3 MiB);
// - --expose-gc: once idle after a burst of lines, the client has the heap compacted and given
//   back (memory-after-bursts.ts) instead of holding it until V8's memory reducer, ~8 s on (−4 MiB).
// Node's on-disk compile cache is not used: it kept every cached function compiled and its
// buffers in memory for the whole run (4 MiB) to save ~40 ms of start-up.
// Started as `node bin/canaduck.js` (as the tests do), it runs without these.
//
// Source maps are left off: loading the bundle's 4 MiB map on every start cost 15 MiB and
// ~30 ms; for stack traces that point into the TypeScript, run with NODE_OPTIONS=--enable-source-maps.
await import("../dist/main.js");
