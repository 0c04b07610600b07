// Compiles the terminal client into one self-contained file, its node_modules included, for a quick
// start: one file to read instead of hundreds of modules to find and load, React and Ink in their
// production builds, minified. (The server keeps scripts/bundle.mjs: native addons and Prisma stay
// installed there.)
//
//   node scripts/bundle-all.mjs <entry> <outfile>      (run from apps/tui)
/* global process, console -- a Node script */
import { readFile } from "node:fs/promises";
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

/**
 * An esbuild plugin that rewrites exact snippets of one library file. A snippet not found exactly
 * once, or a `covers` check that fails, stops the build: the library changed, and the patch must
 * be looked at again rather than bundled half-applied.
 */
function sourcePatch(name, filter, replacements, covers = () => true) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        let source = await readFile(args.path, "utf8");
        for (const [from, to] of Object.entries(replacements)) {
          if (source.split(from).length !== 2) throw new Error(`${args.path}: ${name} no longer applies`);
          source = source.replace(from, to);
        }
        if (!covers(source)) throw new Error(`${args.path}: ${name} no longer covers every use`);
        return { contents: source, loader: "js" };
      });
    },
  };
}

/**
 * yoga-layout (Ink's layout) loads its wasm, inlined as a data: URL, with fetch when there is one:
 * in Node that loads the whole of Node's fetch (undici) once, for 72 KB, and keeps it (11 MiB of
 * a bare Node's; 1–4 MiB of the client's, which loads much of the rest anyway). Its own base64
 * decoding, taken when there is no fetch, is used instead; test/bundle.test.ts holds it to that.
 */
const yogaWithoutFetch = sourcePatch("yoga-without-fetch", /yoga-layout[\\/].*yoga-wasm-base64-esm\.js$/, {
  '"function"!=typeof fetch?Promise.resolve()': "true?Promise.resolve()",
});

/**
 * ws (socket.io's transport) requires https and tls when it loads, for wss:// servers: 6 MiB of
 * memory in a client that talks ws:// to most servers. They are required when first used instead;
 * only the two uses the stand-ins cover may remain.
 */
const wsLazyTls = sourcePatch(
  "ws-lazy-tls",
  /[\\/]ws[\\/]lib[\\/]websocket\.js$/,
  {
    "const https = require('https');": "const https = { get request() { return require('https').request; } };",
    "const tls = require('tls');": "const tls = { connect: (...args) => require('tls').connect(...args) };",
  },
  (source) => source.split(/\bhttps\./).length === 2 && source.split(/\btls\.connect\(/).length === 2,
);

/**
 * engine.io-client's browser transport reads the global WebSocket when it loads; in Node 22 that
 * loads Node's own WebSocket and fetch (undici, with http2 and tls) though the client uses ws.
 * It is read when a browser socket is made instead, which in Node is never.
 */
const browserWebSocketLater = sourcePatch(
  "browser-websocket-later",
  /engine\.io-client[\\/]build[\\/]esm(-debug)?[\\/]transports[\\/]websocket\.js$/,
  {
    "const WebSocketCtor = globalThis.WebSocket || globalThis.MozWebSocket;":
      "const WebSocketCtor = function (...args) { const Ctor = globalThis.WebSocket || globalThis.MozWebSocket; return new Ctor(...args); };",
  },
);

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
  plugins: [noDevtools, yogaWithoutFetch, wsLazyTls, browserWebSocketLater],
});
