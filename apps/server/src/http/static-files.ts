import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the web client's built files; unknown paths get index.html so client-side routes
 * work. Returns false when there is no build to serve.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const index = path.join(root, "index.html");
  if (!(await isFile(index))) return false;
  const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  const requested = path.resolve(root, `.${urlPath}`);
  // Never serve outside the build folder, whatever the path says.
  const inside = requested.startsWith(root + path.sep);
  const file = inside && (await isFile(requested)) ? requested : index;
  const ext = path.extname(file);
  res.statusCode = 200;
  res.setHeader("Content-Type", contentTypes[ext] ?? "application/octet-stream");
  res.setHeader("Cache-Control", file === index ? "no-cache" : "public, max-age=31536000, immutable");
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  createReadStream(file).pipe(res);
  return true;
}
