import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Env } from "hono";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { OPENAPI_PATH } from "./openapi-document";

export const DOCS_PATH = "/api/docs";

/** Swagger UI's files, from the installed package: the page loads nothing from a CDN. */
const assets: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

// No inline script: the server's CSP (script-src 'self') holds for this page too.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CanaDuck HTTP API</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/start.js"></script>
</body>
</html>
`;

const START = `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(OPENAPI_PATH)}, dom_id: "#swagger-ui", deepLinking: true });\n`;

/** The interactive reference page at /api/docs, served from the swagger-ui-dist package. */
export function serveDocsPage<E extends Env>(app: OpenAPIHono<E>): void {
  const dir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  const cached = new Map<string, Buffer>();
  const fileOf = (name: string) => {
    let body = cached.get(name);
    if (body === undefined) {
      body = readFileSync(path.join(dir, name));
      cached.set(name, body);
    }
    return body;
  };
  const headers = (type: string) => ({ "Content-Type": type, "Cache-Control": "public, max-age=3600" });
  app.get(DOCS_PATH, (c) => c.body(PAGE, 200, headers("text/html; charset=utf-8")));
  app.get(`${DOCS_PATH}/start.js`, (c) => c.body(START, 200, headers("text/javascript; charset=utf-8")));
  for (const [name, type] of Object.entries(assets)) {
    app.get(`${DOCS_PATH}/${name}`, (c) => c.body(new Uint8Array(fileOf(name)), 200, headers(type)));
  }
}
