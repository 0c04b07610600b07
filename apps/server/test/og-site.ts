import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

/** A page of Open Graph properties, as a site would serve it. */
export const ogPage = (p: { title: string; description?: string; image?: string }) =>
  `<!doctype html><html><head><title>fallback</title>
<meta property="og:title" content="${p.title}">
${p.description === undefined ? "" : `<meta property="og:description" content="${p.description}">`}
${p.image === undefined ? "" : `<meta property="og:image" content="${p.image}">`}
</head><body>hello</body></html>`;

type Route = (res: ServerResponse, site: { url: string }) => void;

/**
 * A local web site for link previews: real HTTP on loopback, each path answered by a route,
 * and every request counted by path (what a test checks to prove a fetch happened, or did not).
 */
export async function startOgSite(routes: Record<string, Route> = {}) {
  const hits = new Map<string, number>();
  const hanging: ServerResponse[] = [];
  const image = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#fc0" } })
    .withMetadata({ exif: { IFD0: { Copyright: "secret camera owner" } } })
    .jpeg()
    .toBuffer();
  const site = { url: "" };
  const html = (res: ServerResponse, body: string) =>
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
  const all: Record<string, Route> = {
    "/duck": (res) =>
      html(res, ogPage({ title: "Ducks &amp; drakes", description: "All about ducks", image: "/duck.jpg" })),
    "/duck.jpg": (res) => res.writeHead(200, { "Content-Type": "image/jpeg" }).end(image),
    "/hang": (res) => hanging.push(res),
    ...routes,
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = all[path];
    if (route) route(res, site);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  site.url = `http://127.0.0.1:${port}`;
  return {
    port,
    url: site.url,
    host: `127.0.0.1:${port}`,
    hits: (path: string) => hits.get(path) ?? 0,
    image,
    close: async () => {
      for (const res of hanging.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type OgSite = Awaited<ReturnType<typeof startOgSite>>;
