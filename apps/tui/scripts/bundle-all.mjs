// Compiles the terminal client into one self-contained file, its node_modules included, for a quick
// start: one file to read instead of hundreds of modules to find and load, React and Ink in their
// production builds, minified. (The server keeps scripts/bundle.mjs: native addons and Prisma stay
// installed there.)
//
//   node scripts/bundle-all.mjs <entry> <outfile>      (run from apps/tui)
/* global process, console -- a Node script */
import { build } from "esbuild";

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error("usage: node scripts/bundle-all.mjs <entry> <outfile>");
  process.exit(2);
}

/** Ink imports React's devtools bridge only to use it when DEV=true; the bundle never does. */
const noDevtools = {
  name: "no-devtools",
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: "react-devtools-core", namespace: "stub" }));
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "export default {};", loader: "js" }));
  },
};

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  minify: true,
  jsx: "automatic",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
  // socket.io's optional native speed-ups: absent, it uses plain JavaScript.
  external: ["bufferutil", "utf-8-validate"],
  // CommonJS packages inside an ES module bundle still call require for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  plugins: [noDevtools],
});
