import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

/** Images a browser may show inline: decoded by sharp, re-encoded without metadata, given a thumbnail. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_PX = 320;
export const THUMBNAIL_TYPE = "image/webp";

/** Larger images are refused decoding (a decompression bomb): they are kept as plain files. */
const MAX_PIXELS = 50_000_000;

/**
 * Types served as they are (as attachments): those the bytes prove and a browser cannot run
 * as a page even if it ignored Content-Disposition. Anything markup-like or unknown — SVG and
 * HTML among them, which file-type does not claim from bytes anyway — is application/octet-stream.
 */
const ACTIVE_TYPE = /html|xml|svg|javascript|ecmascript|^text\/|x-shockwave|pdf/i;
const OCTET_STREAM = "application/octet-stream";

export interface InspectedUpload {
  /** The bytes to store: an image re-encoded without its metadata (EXIF, GPS, XMP), else as sent. */
  bytes: Uint8Array;
  /** Sniffed from the bytes; never from the name or the declared type. */
  type: string;
  width: number | null;
  height: number | null;
  thumbnail: Uint8Array | null;
}

async function asImage(bytes: Uint8Array, type: string): Promise<InspectedUpload | null> {
  const animated = type === "image/gif" || type === "image/webp";
  try {
    const input = () => sharp(bytes, { animated, limitInputPixels: MAX_PIXELS });
    const metadata = await input().metadata();
    // sharp writes no metadata unless asked to; rotate() first bakes the EXIF orientation in.
    const format =
      type === "image/jpeg" ? "jpeg" : type === "image/png" ? "png" : type === "image/gif" ? "gif" : "webp";
    const oriented = animated ? input() : input().rotate();
    const { data, info } = await oriented.toFormat(format).toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data, { limitInputPixels: MAX_PIXELS })
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: "inside", withoutEnlargement: true })
      .webp()
      .toBuffer();
    const height = animated ? (metadata.pageHeight ?? info.height) : info.height;
    return { bytes: new Uint8Array(data), type, width: info.width, height, thumbnail: new Uint8Array(thumbnail) };
  } catch {
    // Image bytes sharp cannot decode: kept and offered as a plain download, never shown.
    return null;
  }
}

/** What an upload is, from its bytes alone. */
export async function inspectUpload(bytes: Uint8Array): Promise<InspectedUpload> {
  const sniffed = (await fileTypeFromBuffer(bytes))?.mime;
  if (sniffed !== undefined && INLINE_IMAGE_TYPES.has(sniffed)) {
    const image = await asImage(bytes, sniffed);
    if (image) return image;
  }
  const type =
    sniffed === undefined || ACTIVE_TYPE.test(sniffed) || INLINE_IMAGE_TYPES.has(sniffed) ? OCTET_STREAM : sniffed;
  return { bytes, type, width: null, height: null, thumbnail: null };
}
