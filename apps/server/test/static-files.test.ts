import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestServer } from "./harness";

interface Raw {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request as a browser sends it, with the bytes exactly as they came over the wire. */
function fetchRaw(url: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding };
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("the web build is sent precompressed and cached by what can change", () => {
  const dist = mkdtempSync(path.join(tmpdir(), "canaduck-web-"));
  const script = `console.log(${JSON.stringify("a chat line ".repeat(400))});`;
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(
      path.join(dist, "index.html"),
      "<!doctype html><script type=module src=/assets/app-1a2b.js></script>",
    );
    const app = path.join(dist, "assets", "app-1a2b.js");
    writeFileSync(app, script);
    writeFileSync(`${app}.br`, brotliCompressSync(script));
    writeFileSync(`${app}.gz`, gzipSync(script));
    writeFileSync(path.join(dist, "assets", "small-9f8e.js"), "export {};");
    writeFileSync(path.join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
    server = await new TestServer({ WEB_DIST: dist }).start();
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it("sends brotli to a browser that accepts it, far smaller than the file", async () => {
    const res = await fetchRaw(`${server.url}/assets/app-1a2b.js`, "gzip, deflate, br, zstd");
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toContain("Accept-Encoding");
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it("sends gzip where brotli is not accepted, and the plain file where neither is", async () => {
    const gzip = await fetchRaw(`${server.url}/assets/app-1a2b.js`, "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(script);
    const refused = await fetchRaw(`${server.url}/assets/app-1a2b.js`, "br;q=0, gzip;q=0");
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body.toString()).toBe(script);
    const plain = await fetchRaw(`${server.url}/assets/app-1a2b.js`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it("sends a file the build left uncompressed as it is", async () => {
    const res = await fetchRaw(`${server.url}/assets/small-9f8e.js`, "br, gzip");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe("export {};");
  });

  it("caches hashed assets for good, revalidates the page, and keeps other files briefly", async () => {
    const asset = await fetchRaw(`${server.url}/assets/app-1a2b.js`, "br");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const page = await fetchRaw(`${server.url}/some/client/route`, "br");
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.body.toString()).toContain("app-1a2b.js");
    const icon = await fetchRaw(`${server.url}/favicon.svg`, "br");
    expect(icon.headers["cache-control"]).toBe("public, max-age=3600");
  });
});
