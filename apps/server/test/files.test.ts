import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Message } from "@canaduck/contract";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { call, rawQuery, record, TestServer, type ChatClient } from "./harness";

/** An upload as a browser sends it: the bytes as the body, the name in the query. */
async function upload(server: TestServer, token: string, conversation: string, name: string, bytes: Uint8Array) {
  const response = await fetch(`${server.url}/api/v1${conversation}/files?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream" },
    body: bytes,
  });
  const body = (await response.json()) as { message?: Message; code?: string };
  return { status: response.status, body };
}

async function fetchFile(server: TestServer, token: string, fileId: string, suffix = "") {
  const response = await fetch(`${server.url}/api/v1/files/${fileId}${suffix}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#e0a030" } })
    .png()
    .toBuffer();

/** A JPEG carrying EXIF with a camera make and a GPS position, as a phone's photo does. */
const jpegWithGps = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: "#3080e0" } })
    .jpeg()
    .withExif({ IFD0: { Make: "DuckCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .toBuffer();

const attachmentOf = (message: Message | undefined) => {
  const attachment = message?.meta.attachment;
  if (!attachment) throw new Error(`no attachment on ${JSON.stringify(message)}`);
  return attachment;
};

const storedBytes = async (server: TestServer, storage: string, fileId: string): Promise<number> => {
  const dir = path.join(server.dir, "uploads");
  if (storage === "disk") return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(fileId)).length : 0;
  const rows = await rawQuery(
    await server.databaseUrl(),
    `SELECT "key" FROM "FileChunk" WHERE "key" LIKE '${fileId}%'`,
  );
  return rows.length;
};

describe.each(["disk", "database"])("files and images, stored on %s", (storage) => {
  let server: TestServer;
  afterEach(() => server.dispose());

  async function twoInDev(env: Record<string, string> = {}): Promise<{ alice: ChatClient; bob: ChatClient }> {
    server = await new TestServer({ FILE_STORAGE: storage, ...env }).start();
    const alice = await server.user("alice");
    const bob = await server.user("bob");
    await alice.do("channel:join", { channel: "#dev" });
    await bob.do("channel:join", { channel: "#dev" });
    return { alice, bob };
  }

  it("an image uploaded to a channel reaches a member live and in history, typed from its bytes, with a thumbnail", async () => {
    const { alice, bob } = await twoInDev();
    const live = bob.next("message:new", (m) => m.meta.attachment !== undefined);
    // Named .txt: the bytes say PNG, so it is an image.
    const sent = await upload(server, alice.token, "/channels/dev", "holiday.txt", await png(1200, 800));
    expect(sent.status).toBe(201);
    const seen = await live;
    expect(seen).toEqual(sent.body.message);
    const attachment = attachmentOf(seen);
    expect(attachment).toMatchObject({
      name: "holiday.txt",
      type: "image/png",
      width: 1200,
      height: 800,
      hasThumbnail: true,
    });
    expect(seen.text).toBe("holiday.txt");

    const history = await bob.do("history:read", { target: "#dev" });
    expect(attachmentOf(history.messages.find((m) => m.seq === seen.seq))).toEqual(attachment);

    const full = await fetchFile(server, bob.token, attachment.fileId);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("image/png");
    expect(full.headers.get("content-disposition")).toMatch(/^inline; filename="holiday.txt"/);
    expect(full.headers.get("x-content-type-options")).toBe("nosniff");
    expect(full.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(full.headers.get("cache-control")).toBe("private, no-cache");
    expect(full.bytes.byteLength).toBe(attachment.size);
    expect((await sharp(full.bytes).metadata()).width).toBe(1200);

    const thumb = await fetchFile(server, bob.token, attachment.fileId, "/thumbnail");
    expect(thumb.status).toBe(200);
    const thumbSize = await sharp(thumb.bytes).metadata();
    expect(Math.max(thumbSize.width ?? 0, thumbSize.height ?? 0)).toBe(320);

    const again = await fetch(`${server.url}/api/v1/files/${attachment.fileId}`, {
      headers: { authorization: `Bearer ${bob.token}`, "if-none-match": full.headers.get("etag") ?? "" },
    });
    expect(again.status).toBe(304);
  });

  it("is served to members only: a non-member, or a member who left, gets 404", async () => {
    const { alice, bob } = await twoInDev();
    const carol = await server.user("carol");
    const sent = await upload(server, alice.token, "/channels/dev", "a.png", await png(10, 10));
    const { fileId } = attachmentOf(sent.body.message);
    expect((await fetchFile(server, carol.token, fileId)).status).toBe(404);
    expect((await fetchFile(server, carol.token, fileId, "/thumbnail")).status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/v1/files/${fileId}`);
    expect(anonymous.status).toBe(401);
    await bob.do("channel:part", { channel: "#dev" });
    expect((await fetchFile(server, bob.token, fileId)).status).toBe(404);
    // And a non-member cannot post one into the channel at all: nothing is kept.
    const refused = await upload(server, carol.token, "/channels/dev", "b.png", await png(10, 10));
    expect(refused).toMatchObject({ status: 403, body: { code: "NOT_A_MEMBER" } });
  });

  it("a direct conversation's file is for its two people", async () => {
    const { alice, bob } = await twoInDev();
    const carol = await server.user("carol");
    const live = bob.next("message:new", (m) => m.meta.attachment !== undefined);
    const sent = await upload(server, alice.token, "/direct/bob", "notes.bin", new Uint8Array([1, 2, 3, 4]));
    expect(sent.status).toBe(201);
    const { fileId } = attachmentOf(await live);
    expect((await fetchFile(server, bob.token, fileId)).status).toBe(200);
    expect((await fetchFile(server, carol.token, fileId)).status).toBe(404);
  });

  it("an HTML file named x.png is not an image: served as an attachment, octet-stream, nosniff, sandboxed", async () => {
    const { alice, bob } = await twoInDev();
    const html = new TextEncoder().encode("<!doctype html><html><script>alert(document.cookie)</script></html>");
    const sent = await upload(server, alice.token, "/channels/dev", "x.png", html);
    const attachment = attachmentOf(sent.body.message);
    expect(attachment).toMatchObject({ type: "application/octet-stream", hasThumbnail: false });
    expect(attachment.width).toBeUndefined();
    const served = await fetchFile(server, bob.token, attachment.fileId);
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment; filename="x.png"/);
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(new TextDecoder().decode(served.bytes)).toContain("<script>");
    expect((await fetchFile(server, bob.token, attachment.fileId, "/thumbnail")).status).toBe(404);
  });

  it("an SVG is never an image either", async () => {
    const { alice, bob } = await twoInDev();
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>',
    );
    const sent = await upload(server, alice.token, "/channels/dev", "logo.svg", svg);
    const served = await fetchFile(server, bob.token, attachmentOf(sent.body.message).fileId);
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment;/);
  });

  it("a JPEG's EXIF and GPS are stripped", async () => {
    const { alice, bob } = await twoInDev();
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const sent = await upload(server, alice.token, "/channels/dev", "phone.jpg", original);
    const attachment = attachmentOf(sent.body.message);
    expect(attachment).toMatchObject({ type: "image/jpeg", width: 400, height: 300 });
    const served = await fetchFile(server, bob.token, attachment.fileId);
    const metadata = await sharp(served.bytes).metadata();
    expect(metadata.format).toBe("jpeg");
    expect(metadata.exif).toBeUndefined();
    expect(new TextDecoder("latin1").decode(served.bytes)).not.toContain("DuckCam");
  });

  it("over the size limit: 413 FILE_TOO_LARGE and nothing stored", async () => {
    const { alice, bob } = await twoInDev({ UPLOAD_MAX_BYTES: "1000" });
    const lines = record(bob.socket, "message:new");
    const sent = await upload(server, alice.token, "/channels/dev", "big.bin", new Uint8Array(1001));
    expect(sent).toMatchObject({ status: 413, body: { code: "FILE_TOO_LARGE" } });
    const rows = await rawQuery(await server.databaseUrl(), `SELECT "id" FROM "File"`);
    expect(rows).toEqual([]);
    expect(await storedBytes(server, storage, "")).toBe(0);
    expect((await upload(server, alice.token, "/channels/dev", "ok.bin", new Uint8Array(1000))).status).toBe(201);
    expect(lines.filter((m) => m.meta.attachment !== undefined)).toHaveLength(1);
  });

  it("over the quota in 24 hours: 429 UPLOAD_QUOTA_EXCEEDED, and the bytes of the refused file are not kept", async () => {
    const { alice, bob } = await twoInDev({ UPLOAD_QUOTA: "2500" });
    expect((await upload(server, alice.token, "/channels/dev", "1.bin", new Uint8Array(1000).fill(1))).status).toBe(
      201,
    );
    expect((await upload(server, alice.token, "/channels/dev", "2.bin", new Uint8Array(1000).fill(2))).status).toBe(
      201,
    );
    const third = await upload(server, alice.token, "/channels/dev", "3.bin", new Uint8Array(1000).fill(3));
    expect(third).toMatchObject({ status: 429, body: { code: "UPLOAD_QUOTA_EXCEEDED" } });
    expect(await rawQuery(await server.databaseUrl(), `SELECT "id" FROM "File"`)).toHaveLength(2);
    // The quota is the uploader's own: bob still has his.
    expect((await upload(server, bob.token, "/channels/dev", "b.bin", new Uint8Array(1000))).status).toBe(201);
  });

  it("deleting the line deletes the file and its thumbnail: 404 after, the bytes gone", async () => {
    const { alice, bob } = await twoInDev();
    const sent = await upload(server, alice.token, "/channels/dev", "pic.png", await png(600, 400));
    const message = sent.body.message;
    const { fileId } = attachmentOf(message);
    expect(await storedBytes(server, storage, fileId)).toBeGreaterThan(0);
    await alice.do("message:delete", { target: "#dev", seq: message?.seq ?? 0 });
    expect((await fetchFile(server, bob.token, fileId)).status).toBe(404);
    expect((await fetchFile(server, bob.token, fileId, "/thumbnail")).status).toBe(404);
    expect(await storedBytes(server, storage, fileId)).toBe(0);
    const history = await bob.do("history:read", { target: "#dev" });
    const tombstone = history.messages.find((m) => m.seq === message?.seq);
    expect(tombstone).toMatchObject({ deleted: true, meta: {} });
  });

  it("an attachment id that is not the sender's own unshared upload is refused NO_SUCH_FILE", async () => {
    const { alice, bob } = await twoInDev();
    const sent = await upload(server, alice.token, "/channels/dev", "a.bin", new Uint8Array([9, 9]));
    const { fileId } = attachmentOf(sent.body.message);
    // Shared already, and not bob's: neither may share it again.
    for (const who of [alice, bob]) {
      const again = await call(who.socket, "message:send", { target: "#dev", text: "again", attachment: fileId });
      expect(again).toMatchObject({ ok: false, error: { code: "NO_SUCH_FILE" } });
    }
    const made = await call(bob.socket, "message:send", { target: "#dev", text: "x", attachment: "no-such-file" });
    expect(made).toMatchObject({ ok: false, error: { code: "NO_SUCH_FILE" } });
  });
});
