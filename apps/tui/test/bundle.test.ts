import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bundle = path.resolve(import.meta.dirname, "../dist/main.js");
/** Run first: says on stderr when anything so much as looks at the global fetch. */
const watchFetch = `data:text/javascript,${encodeURIComponent(
  'const real = globalThis.fetch; Object.defineProperty(globalThis, "fetch", { configurable: true, get() { process.stderr.write("fetch looked at\\n"); return real; } });',
)}`;

describe("the compiled client", () => {
  it("starts without Node's fetch: Ink's layout loads its wasm without it (scripts/bundle-all.mjs)", async () => {
    const { stdout, stderr } = await run(process.execPath, ["--import", watchFetch, bundle, "--help"]);
    expect(stdout).toContain("Usage: canaduck");
    expect(stderr).not.toContain("fetch looked at");
  });

  it("loads Node's https and tls only for a wss:// server (scripts/bundle-all.mjs)", async () => {
    // Said at exit: which of Node's own modules were loaded.
    const loaded = `data:text/javascript,${encodeURIComponent(
      'process.on("exit", () => process.stderr.write(process.moduleLoadList.join(",")));',
    )}`;
    const { stderr } = await run(process.execPath, ["--import", loaded, bundle, "--help"]);
    expect(stderr).toContain("NativeModule net");
    expect(stderr).not.toContain("NativeModule tls");
    expect(stderr).not.toContain("NativeModule https");
  });
});
