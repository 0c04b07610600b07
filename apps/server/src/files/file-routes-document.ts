import { clientEvents } from "@canaduck/contract";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { FILE_PATH, THUMBNAIL_PATH } from "./file-routes";
import { INLINE_IMAGE_TYPES } from "./inspect-upload";
import { fileParams } from "./serve-file-route";
import { uploadPaths, uploadQuery } from "./upload-route";

type Registry = OpenAPIHono["openAPIRegistry"];
type Responses = Parameters<Registry["registerPath"]>[0]["responses"];

const operationId = (method: string, path: string) =>
  method + path.replace(/[{}]/g, "").replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase());

/** Bytes have no schema: each type a file may come back as, served as the bytes are. */
const binary = Object.fromEntries(["application/octet-stream", ...INLINE_IMAGE_TYPES].map((type) => [type, {}]));

/** The upload and download routes in the OpenAPI document, beside the command routes. */
export function describeFileRoutes(registry: Registry, refusals: Responses): void {
  for (const { path, params } of uploadPaths) {
    registry.registerPath({
      method: "post",
      path: `/api/v1${path}`,
      operationId: operationId("post", path),
      summary:
        "Upload a file (the body is its bytes, up to UPLOAD_MAX_BYTES) and share it in the conversation: a message:send line carrying it as meta.attachment. The type comes from the bytes; images lose their metadata and get a thumbnail.",
      tags: ["files"],
      security: [{ bearer: [] }],
      request: {
        params,
        query: uploadQuery,
        body: {
          required: true,
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
      },
      responses: {
        201: {
          description: "The line that shares the file.",
          content: { "application/json": { schema: clientEvents["message:send"].result } },
        },
        ...refusals,
      },
    });
  }
  for (const [path, what] of [
    [FILE_PATH, "The file's bytes"],
    [THUMBNAIL_PATH, "An image's thumbnail (image/webp, at most 320 px)"],
  ] as const) {
    registry.registerPath({
      method: "get",
      path: `/api/v1${path}`,
      operationId: operationId("get", path),
      summary: `${what}, to members of its conversation only (checked on every request). Served with nosniff, a sandboxing CSP, and inline only for png, jpeg, webp and gif.`,
      tags: ["files"],
      security: [{ bearer: [] }],
      request: { params: fileParams },
      responses: {
        200: {
          description: "The bytes, with the type sniffed when they were uploaded.",
          headers: { ETag: { schema: { type: "string" } } },
          content: { ...binary, "image/webp": {} },
        },
        304: { description: "Not modified since the ETag given in If-None-Match." },
        ...refusals,
      },
    });
  }
}
