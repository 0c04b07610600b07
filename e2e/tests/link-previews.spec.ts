import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, joinChannel, messageLog, say, seriousViolations, test as base } from "../fixtures/test";

/** A 64×48 PNG: what the page names as its og:image. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAeElEQVRoge2SAQkAURSD7J/tOvljyOMGBtAx/DgNuYELIF/RXYi7kBu4APIV3YW4C7mBCyBf0V2Iu5AbuADyFd2FuAu5gQsgX9FdiLuQG7gA8hXdhbgLuYELIF/RXYi7kBu4APIV3YW4C7mBCyBf0V2Iu5Ab+POAB0mxhTxhWtDDAAAAAElFTkSuQmCC",
  "base64",
);

/** The page's title carries markup: the card must show it as text. */
const TITLE = "Ducks <b>&</b> drakes";
const PAGE = `<!doctype html><html><head><title>fallback</title>
<meta property="og:title" content="Ducks &lt;b&gt;&amp;&lt;/b&gt; drakes">
<meta property="og:description" content="All about ducks">
<meta property="og:site_name" content="Pond">
<meta property="og:image" content="/duck.png">
</head><body></body></html>`;

/** A web site on loopback, allow-listed for this test's server only (PREVIEW_ALLOWED_HOSTS). */
const test = base.extend<{ site: { url: string; host: string; imageHits: () => number } }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use) => {
    let imageHits = 0;
    const server: Server = createServer((req, res) => {
      if (req.url === "/duck") res.writeHead(200, { "Content-Type": "text/html" }).end(PAGE);
      else if (req.url === "/duck.png") {
        imageHits += 1;
        res.writeHead(200, { "Content-Type": "image/png" }).end(PNG);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    await use({ url: `http://${host}`, host, imageHits: () => imageHits });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  },
  serverEnv: async ({ site }, use) => use({ LINK_PREVIEWS: "on", PREVIEW_ALLOWED_HOSTS: site.host }),
});

test("a link's preview appears live for both people, and after reloading, with the server's thumbnail", async ({
  signUp,
  site,
  server,
}) => {
  const ann = await signUp("ann");
  const bob = await signUp("bob");
  await joinChannel(ann, "#links");
  await joinChannel(bob, "#links");
  // Every image request the pages make: the thumbnail must come from the chat server, never the site.
  const imageHosts: string[] = [];
  for (const page of [ann, bob])
    page.on("request", (r) => r.resourceType() === "image" && imageHosts.push(new URL(r.url()).host));

  await say(ann, `have a look at ${site.url}/duck`);
  for (const page of [ann, bob]) {
    const card = messageLog(page).getByTestId("link-preview");
    await expect(card.getByRole("link", { name: TITLE })).toHaveAttribute("href", `${site.url}/duck`);
    await expect(card).toContainText("All about ducks");
    await expect(card).toContainText("Pond");
    await expect(card.getByRole("img", { name: TITLE })).toBeVisible();
    await expect(card.locator("b")).toHaveCount(0);
  }

  await bob.reload();
  await expect(bob.getByRole("heading", { level: 1, name: "#links" })).toBeVisible();
  const card = messageLog(bob).getByTestId("link-preview");
  await expect(card.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(card.getByRole("img", { name: TITLE })).toBeVisible();
  // The site saw the server once for the image; the browsers never asked it.
  expect(site.imageHits()).toBe(1);
  expect(imageHosts.filter((h) => h === site.host)).toEqual([]);
  expect(new URL(server.url).host).not.toBe(site.host);

  await bob.screenshot({ path: test.info().outputPath("link-preview.png") });
  expect(await seriousViolations(bob)).toEqual([]);
});
