import sharp from "sharp";

/** The longest side of a preview's image, in pixels. */
export const PREVIEW_IMAGE_PX = 400;
/** Larger images are not decoded (a decompression bomb): the preview goes without one. */
const MAX_PIXELS = 40_000_000;

export interface Thumbnail {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * A page's og:image made into a small WebP: re-encoded by sharp, which writes no metadata
 * (EXIF, GPS, XMP) unless asked to; the first frame only. Null when it is not an image sharp reads.
 */
export async function previewThumbnail(bytes: Uint8Array): Promise<Thumbnail | null> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize(PREVIEW_IMAGE_PX, PREVIEW_IMAGE_PX, { fit: "inside", withoutEnlargement: true })
      .webp()
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), width: info.width, height: info.height };
  } catch {
    return null;
  }
}
