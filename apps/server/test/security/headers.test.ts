import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "../harness";

/** The policy's directives by name, e.g. { "script-src": "'self'" }. */
const directives = (csp: string) =>
  Object.fromEntries(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values.join(" ")]),
  );

describe("HTTP security headers", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "canaduck-web-"));
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(
      path.join(dist, "index.html"),
      "<!doctype html><title>CanaDuck</title><script type=module src=/assets/app.js></script>",
    );
    writeFileSync(path.join(dist, "assets", "app.js"), "console.log('hi');");
    server = await new TestServer({ WEB_DIST: dist }).start();
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each(["/", "/index.html", "/assets/app.js", "/healthz", "/no-such-page"])("are on %s", async (page) => {
    const res = await fetch(`${server.url}${page}`);
    const csp = directives(res.headers.get("content-security-policy") ?? "");
    // Only the site's own script files run: no inline script, no eval, no plugins, no framing.
    expect(csp["script-src"]).toBe("'self'");
    expect(csp["default-src"]).toBe("'self'");
    expect(csp["object-src"]).toBe("'none'");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["base-uri"]).toBe("'self'");
    expect(csp["connect-src"]).toBe("'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
  });
});
