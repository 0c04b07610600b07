import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { preferredEncodings } from "./accept-encoding";

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

/** The file extension the web build writes beside each text file for an encoding. */
const suffixes = { br: ".br", gzip: ".gz" } as const;

async function sizeOf(file: string): Promise<number | null> {
  try {
    const stats = await stat(file);
    return stats.isFile() ? stats.size : null;
  } catch {
    return null;
  }
}

/** Hashed build output never changes under its name; anything else may change on a deploy. */
function cacheControl(root: string, file: string): string {
  if (file === path.join(root, "index.html")) return "no-cache";
  if (file.startsWith(path.join(root, "assets") + path.sep)) return "public, max-age=31536000, immutable";
  return "public, max-age=3600";
}

/**
 * Serves the web client's built files; unknown paths get index.html so client-side routes
 * work. A browser that accepts brotli or gzip gets the copy the build precompressed. Returns
 * false when there is no build to serve.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const index = path.join(root, "index.html");
  if ((await sizeOf(index)) === null) return false;
  const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  const requested = path.resolve(root, `.${urlPath}`);
  // Never serve outside the build folder, whatever the path says.
  const inside = requested.startsWith(root + path.sep);
  const file = inside && (await sizeOf(requested)) !== null ? requested : index;
  const ext = path.extname(file);
  let body = file;
  let length = await sizeOf(file);
  for (const encoding of preferredEncodings(req.headers["accept-encoding"])) {
    const size = await sizeOf(file + suffixes[encoding]);
    if (size === null) continue;
    body = file + suffixes[encoding];
    length = size;
    res.setHeader("Content-Encoding", encoding);
    break;
  }
  res.statusCode = 200;
  res.setHeader("Content-Type", contentTypes[ext] ?? "application/octet-stream");
  res.setHeader("Cache-Control", cacheControl(root, file));
  // Caches must keep one copy per encoding.
  res.setHeader("Vary", "Accept-Encoding");
  if (length !== null) res.setHeader("Content-Length", length);
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  createReadStream(body).pipe(res);
  return true;
}
