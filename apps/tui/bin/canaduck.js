#!/usr/bin/env node
// Runs the compiled client (npm run build); stack traces point into the TypeScript source.
import process from "node:process";

process.setSourceMapsEnabled(true);
// React and Ink load their production builds unless told otherwise: the development ones check
// every render and cost several times the CPU and memory (a test may still set NODE_ENV itself).
process.env.NODE_ENV ??= "production";
await import("../dist/main.js");
