import type { Message } from "@canaduck/contract";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { fetchForPreview, type FetchLimits } from "../src/previews/fetch-page";
import { TestServer, type ChatClient } from "./harness";
import { apiClient } from "./http-api/http-client";
import { startOgSite, type OgSite } from "./og-site";

const isPreviewOf = (seq: number) => (m: Message) => m.kind === "preview" && m.meta.targetSeq === seq;

/** Link previews against a real server and database, with a real web site on loopback. */
describe("link previews", () => {
  let server: TestServer | undefined;
  let site: OgSite | undefined;
  let inside: OgSite | undefined;
  afterEach(async () => {
    await server?.dispose();
    await site?.close();
    await inside?.close();
    server = site = inside = undefined;
  });

  /** alice and bob in #dev; only `site` (this test's) is allow-listed, not the "inside" one. */
  async function setUp(routes: Parameters<typeof startOgSite>[0] = {}, env: Record<string, string> = {}) {
    inside = await startOgSite();
    site = await startOgSite({
      "/to-inside": (res) => res.writeHead(302, { Location: `${inside?.url ?? ""}/duck` }).end(),
      "/to-localhost": (res) => res.writeHead(302, { Location: `http://localhost:${inside?.port ?? 0}/duck` }).end(),
      "/hop1": (res) => res.writeHead(301, { Location: "/hop2" }).end(),
      "/hop2": (res) => res.writeHead(302, { Location: "/hop3" }).end(),
      "/hop3": (res) => res.writeHead(307, { Location: "/duck" }).end(),
      "/loop": (res) => res.writeHead(302, { Location: "/loop" }).end(),
      "/big": (res) =>
        res
          .writeHead(200, { "Content-Type": "text/html" })
          .end(`<head><!-- ${"x".repeat(600 * 1024)} --><meta property="og:title" content="Too far"></head>`),
      ...routes,
    });
    server = await new TestServer({ LINK_PREVIEWS: "on", PREVIEW_ALLOWED_HOSTS: site.host, ...env }).start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    return { alice, bob, site };
  }

  const say = async (who: ChatClient, text: string) => (await who.do("message:send", { target: "#dev", text })).message;
  const lineOf = async (who: ChatClient, seq: number) =>
    (await who.do("history:read", { target: "#dev" })).messages.find((m) => m.seq === seq);
  /** Sends a line with a link that gets a preview, and waits for it: what was sent before is done by then. */
  const control = async (who: ChatClient, url: string) => {
    const line = await say(who, `control ${url}`);
    await who.next("message:new", isPreviewOf(line.seq));
    return line.seq;
  };

  it("gives the first link of a line its preview, live to every member and in history, with a stripped thumbnail", async () => {
    const { alice, bob, site } = await setUp();
    const bobSees = bob.next("message:new", (m) => m.kind === "preview");
    const line = await say(alice, `look ${site.url}/duck, and ${site.url}/hang`);
    // The ack came first: the line is not held for its preview.
    expect(line.meta.preview).toBeUndefined();
    const entry = await bobSees;
    expect(entry.meta.targetSeq).toBe(line.seq);
    expect(entry.author).toBeNull();
    const preview = entry.meta.preview;
    expect(preview).toMatchObject({ url: `${site.url}/duck`, title: "Ducks & drakes", description: "All about ducks" });
    expect(preview?.image).toMatchObject({ width: 400, height: 300 });
    const stored = await lineOf(bob, line.seq);
    expect(stored?.meta.preview).toEqual(preview);
    expect(stored?.version).toBe(entry.seq);

    // The thumbnail is served same-origin to members, without the camera's metadata.
    const fileUrl = `${server?.url ?? ""}/api/v1/files/${preview?.image?.fileId ?? ""}`;
    const asBob = await fetch(fileUrl, { headers: { authorization: `Bearer ${bob.token}` } });
    expect([asBob.status, asBob.headers.get("content-type")]).toEqual([200, "image/webp"]);
    const meta = await sharp(Buffer.from(await asBob.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(["webp", 400, undefined]);
    const carol = await server?.user("carol");
    const asCarol = await fetch(fileUrl, { headers: { authorization: `Bearer ${carol?.token ?? ""}` } });
    expect(asCarol.status).toBe(404);
  });

  it("never holds a line or its ack for a slow site", async () => {
    const { alice, bob, site } = await setUp();
    const bobGets = bob.next("message:new", (m) => m.text.includes("/hang"));
    const started = Date.now();
    const line = await say(alice, `slow: ${site.url}/hang`);
    expect((await bobGets).seq).toBe(line.seq);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(site.hits("/hang")).toBeLessThanOrEqual(1);
    // Other lines' previews are not queued behind the slow one.
    await control(alice, `${site.url}/duck`);
  });

  it("fetches a link once for many lines (the cache), and follows up to three redirects", async () => {
    const { alice, bob, site } = await setUp();
    const first = await say(alice, `${site.url}/duck`);
    await bob.next("message:new", isPreviewOf(first.seq));
    const second = await say(bob, `again: ${site.url}/duck`);
    await alice.next("message:new", isPreviewOf(second.seq));
    expect([site.hits("/duck"), site.hits("/duck.jpg")]).toEqual([1, 1]);
    const hopped = await say(alice, `${site.url}/hop1`);
    const entry = await bob.next("message:new", isPreviewOf(hopped.seq));
    expect(entry.meta.preview?.title).toBe("Ducks & drakes");
    expect(entry.meta.preview?.url).toBe(`${site.url}/hop1`);
  });

  it("fetches nothing inside: loopback, private, metadata, a redirect inside, a name resolving to loopback", async () => {
    const { alice, bob, site } = await setUp();
    const refused = [
      `http://127.0.0.1:${inside?.port ?? 0}/duck`,
      `http://localhost:${inside?.port ?? 0}/duck`,
      "http://10.1.2.3/duck",
      "http://169.254.169.254/latest/meta-data/",
      `${site.url}/to-inside`,
      `${site.url}/to-localhost`,
      `${site.url}/loop`,
      `${site.url}/big`,
    ];
    const seqs = [];
    for (const url of refused) seqs.push((await say(alice, `see ${url}`)).seq);
    const controlSeq = await control(alice, `${site.url}/duck`);
    // A little longer for the refusals still in flight (each is refused before any connection).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { messages } = await bob.do("history:read", { target: "#dev" });
    expect(messages.filter((m) => m.kind === "preview").map((m) => m.meta.targetSeq)).toEqual([controlSeq]);
    for (const seq of seqs) expect(messages.find((m) => m.seq === seq)?.meta.preview).toBeUndefined();
    expect(inside?.hits("/duck")).toBe(0);
    expect(site.hits("/loop")).toBe(4);
  });

  it("gives no preview to a user who turned them off, nor in a channel whose operators did", async () => {
    const { alice, bob, site } = await setUp();
    await alice.do("settings:update", { linkPreviews: false });
    const off = await say(alice, `${site.url}/duck`);
    await control(bob, `${site.url}/duck?bob`);
    expect((await lineOf(bob, off.seq))?.meta.preview).toBeUndefined();
    expect(site.hits("/duck")).toBe(1);

    // bob is no operator of #dev: the switch is alice's (its owner), checked on the server.
    const refused = await bob.send("channel:mode", { channel: "#dev", previews: false });
    expect(refused.ok ? "ok" : refused.error.code).toBe("FORBIDDEN");
    const updated = bob.next("channel:updated");
    const { channel } = await alice.do("channel:mode", { channel: "#dev", previews: false });
    expect(channel.previewsOff).toBe(true);
    expect((await updated).channel.previewsOff).toBe(true);
    const quiet = await say(bob, `${site.url}/duck?quiet`);
    // Back on over the HTTP API: the same command.
    const back = await apiClient(server?.url ?? "", alice.token).put("/channels/dev/mode", { previews: true });
    expect(back.status, back.text).toBe(200);
    await control(bob, `${site.url}/duck?again`);
    const { messages } = await bob.do("history:read", { target: "#dev" });
    expect(messages.find((m) => m.seq === quiet.seq)?.meta.preview).toBeUndefined();
    expect(messages.filter((m) => m.kind === "mode").map((m) => m.meta.previews)).toEqual([false, true]);
    expect(site.hits("/duck")).toBe(2);
  });
});

describe("LINK_PREVIEWS=off", () => {
  it("fetches no page at all", async () => {
    const site = await startOgSite();
    const server = await new TestServer({ LINK_PREVIEWS: "off", PREVIEW_ALLOWED_HOSTS: site.host }).start();
    try {
      const alice = await server.user("alice");
      await alice.do("channel:join", { channel: "#dev" });
      await alice.do("message:send", { target: "#dev", text: `${site.url}/duck` });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(site.hits("/duck")).toBe(0);
    } finally {
      await server.dispose();
      await site.close();
    }
  });
});

/** The fetch itself: what it refuses and where it stops, with no server around it. */
describe("fetchForPreview", () => {
  let site: OgSite | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  const limitsFor = (allowed: string[], more: Partial<FetchLimits> = {}): FetchLimits => ({
    policy: { allowedHosts: allowed },
    timeoutMs: 2_000,
    maxBytes: 512 * 1024,
    accept: ["text/html"],
    ...more,
  });

  it("refuses loopback, private, link-local and metadata addresses, and names resolving to loopback", async () => {
    site = await startOgSite();
    for (const url of [
      `${site.url}/duck`,
      `http://localhost:${site.port}/duck`,
      "http://10.0.0.1/",
      "http://192.168.1.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
    ]) {
      const got = await fetchForPreview(url, limitsFor([]));
      expect(got.ok ? "fetched" : got.error, url).toMatch(/^refused/);
    }
    for (const url of ["file:///etc/passwd", "ftp://example.org/", "http://user:pw@example.org/"]) {
      const got = await fetchForPreview(url, limitsFor([]));
      expect(got.ok ? "fetched" : got.error, url).toMatch(/^refused/);
    }
    expect(site.hits("/duck")).toBe(0);
  });

  it("gives up on a page that does not answer in time", async () => {
    site = await startOgSite();
    const started = Date.now();
    const got = await fetchForPreview(`${site.url}/hang`, limitsFor([site.host], { timeoutMs: 300 }));
    expect(got).toEqual({ ok: false, error: "timed out" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reads no more than the size cap of a page", async () => {
    site = await startOgSite({
      "/big": (res) => res.writeHead(200, { "Content-Type": "text/html" }).end("x".repeat(2 * 1024 * 1024)),
    });
    const got = await fetchForPreview(`${site.url}/big`, limitsFor([site.host], { maxBytes: 64 * 1024 }));
    expect(got.ok && [got.body.length, got.truncated]).toEqual([64 * 1024, true]);
  });

  it("refuses what is not a page, and a fourth redirect", async () => {
    site = await startOgSite({
      "/r1": (res) => res.writeHead(302, { Location: "/r2" }).end(),
      "/r2": (res) => res.writeHead(302, { Location: "/r3" }).end(),
      "/r3": (res) => res.writeHead(302, { Location: "/r4" }).end(),
      "/r4": (res) => res.writeHead(302, { Location: "/duck" }).end(),
    });
    const image = await fetchForPreview(`${site.url}/duck.jpg`, limitsFor([site.host]));
    expect(image.ok ? "fetched" : image.error).toBe("not a preview: image/jpeg");
    const far = await fetchForPreview(`${site.url}/r1`, limitsFor([site.host]));
    expect(far.ok ? "fetched" : far.error).toBe("more than 3 redirects");
    expect(site.hits("/duck")).toBe(0);
  });
});
