import { describe, expect, it } from "vitest";
import { parsePage } from "./parse-page";

describe("parsePage", () => {
  it("reads Open Graph properties, entities decoded, the image resolved against the page", () => {
    const html = `<!doctype html><html><head>
      <title>Fallback</title>
      <meta property="og:title" content="Ducks &amp; drakes &#x1F986;">
      <meta content='All about &quot;ducks&quot;' property='og:description'>
      <meta property=og:site_name content=Pond>
      <meta property="og:image" content="/img/duck.png">
    </head><body><meta property="og:title" content="not in the head"></body></html>`;
    expect(parsePage(html, "https://pond.example/a/b")).toEqual({
      title: "Ducks & drakes 🦆",
      description: 'All about "ducks"',
      siteName: "Pond",
      image: "https://pond.example/img/duck.png",
    });
  });

  it("falls back to <title> and the meta description; markup stays text", () => {
    const html = `<head><title> A  <b>bold</b>
      title </title><meta name="description" content="&lt;script&gt;alert(1)&lt;/script&gt;"></head>`;
    const page = parsePage(html, "http://x.example/");
    expect(page.title).toBe("A <b>bold</b> title");
    expect(page.description).toBe("<script>alert(1)</script>");
    expect(page.image).toBeNull();
  });

  it("ignores tags inside comments and scripts, and images that are not http(s)", () => {
    const html = `<head><!-- <meta property="og:title" content="commented"> -->
      <script>document.write('<meta property="og:title" content="scripted">')</script>
      <meta property="og:title" content="real"><meta property="og:image" content="javascript:alert(1)"></head>`;
    const page = parsePage(html, "http://x.example/");
    expect([page.title, page.image]).toEqual(["real", null]);
  });
});
