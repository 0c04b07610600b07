// Compiles an app's entry (TypeScript, with the workspace packages it imports) into one ESM file
// with a source map, for `node --enable-source-maps`. Packages from node_modules stay external,
// so native addons and Prisma's generated clients load as installed.
//
//   node ../../scripts/bundle.mjs <entry> <outfile>     (run from the app's folder)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  console.error("usage: node scripts/bundle.mjs <entry> <outfile>");
  process.exit(2);
}
const outdir = path.resolve(path.dirname(outfile));
const toPosix = (p) => p.split(path.sep).join("/");

/** Workspace packages are TypeScript source: bundle them. Everything else is installed: import it. */
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@canaduck/")) return undefined;
      return { path: args.path, external: true };
    });
    // The PostgreSQL client is generated outside node_modules (packages/db/prisma/postgres/generated)
    // and loads its query compiler from beside itself: import it where it lies.
    b.onResolve({ filter: /prisma\/postgres\/generated\/client$/ }, (args) => {
      const target = path.join(path.resolve(args.resolveDir, args.path), "index.js");
      return { path: toPosix(path.relative(outdir, target)).replace(/^(?!\.)/, "./"), external: true };
    });
  },
};

/**
 * Source files that find things beside themselves (the migrations, the repository root) use
 * `import.meta.url`; in the bundle that would be the bundle's URL. Each file gets its own URL
 * back, relative to the bundle, so the paths resolve wherever the checkout lives.
 */
const ownImportMetaUrl = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      const relative = toPosix(path.relative(outdir, args.path));
      return {
        contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
      };
    });
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
  jsx: "automatic",
  logLevel: "warning",
  plugins: [externalPackages, ownImportMetaUrl],
});
