import { Readable } from "node:stream";
import { DomainError, fileForViewer } from "@canaduck/domain";
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import { z } from "zod";
import { fileIdSchema } from "@canaduck/contract";
import { actorOf } from "../http-api/bearer";
import { problemResponse } from "../http-api/problem";
import { contentDisposition } from "./file-name";
import type { FileRouteDeps } from "./file-routes-deps";
import { fileKeys } from "./file-store";
import { INLINE_IMAGE_TYPES, THUMBNAIL_TYPE } from "./inspect-upload";

type Env = { Bindings: HttpBindings };

export const fileParams = z.strictObject({ fileId: fileIdSchema });

const gone = () =>
  problemResponse({ code: "NO_SUCH_FILE", message: "No such file, or it is not in a conversation of yours." });

/**
 * Headers that keep a file from ever acting in the app's origin: nosniff, so a browser takes
 * the sniffed type as given; a CSP that forbids everything and sandboxes the document, should
 * one be opened directly; inline only for the four image types, an attachment for anything else.
 */
export function fileHeaders(type: string, name: string, etag: string): Record<string, string> {
  const inline = INLINE_IMAGE_TYPES.has(type) || type === THUMBNAIL_TYPE;
  return {
    "Content-Type": type,
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", name),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    // Private, and asked again each time: membership is checked on every request, 304 included.
    "Cache-Control": "private, no-cache",
    ETag: etag,
  };
}

/** GET /files/{fileId} and /files/{fileId}/thumbnail: to members of the file's conversation only. */
export function serveFileHandler(deps: FileRouteDeps, variant: "original" | "thumbnail") {
  return async (c: Context<Env>): Promise<Response> => {
    const actor = await actorOf(deps.reads, c.req.header("authorization"));
    if ("code" in actor) return problemResponse(actor);
    const params = fileParams.safeParse(c.req.param());
    if (!params.success) return gone();
    let file;
    try {
      file = await fileForViewer(deps.domain, actor, params.data.fileId);
    } catch (error) {
      if (error instanceof DomainError) return problemResponse({ code: error.code, message: error.message });
      throw error;
    }
    if (variant === "thumbnail" && !file.hasThumbnail) return gone();
    // A file never changes: its id (and the variant) is its version.
    const etag = `"${file.id}${variant === "thumbnail" ? "-t" : ""}"`;
    const type = variant === "thumbnail" ? THUMBNAIL_TYPE : file.type;
    const headers = fileHeaders(type, file.name, etag);
    if (c.req.header("if-none-match") === etag) return new Response(null, { status: 304, headers });
    const stream = await deps.fileStore.get(fileKeys(file.id)[variant]);
    if (stream === null) return gone();
    if (variant === "original") headers["Content-Length"] = String(file.size);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: 200, headers });
  };
}
