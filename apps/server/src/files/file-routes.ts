import type { HttpBindings } from "@hono/node-server";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { FileRouteDeps } from "./file-routes-deps";
import { serveFileHandler } from "./serve-file-route";
import { uploadHandler, uploadPaths } from "./upload-route";

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/** The paths of the file routes under /api/v1, as the OpenAPI document names them. */
export const FILE_PATH = "/files/{fileId}";
export const THUMBNAIL_PATH = "/files/{fileId}/thumbnail";

/** Uploads (raw bytes, not JSON, so before the JSON body limit) and downloads. */
export function registerFileRoutes(app: OpenAPIHono<{ Bindings: HttpBindings }>, deps: FileRouteDeps): void {
  const upload = uploadHandler(deps);
  for (const { path } of uploadPaths) app.post(`/api/v1${honoPath(path)}`, upload);
  app.get(`/api/v1${honoPath(FILE_PATH)}`, serveFileHandler(deps, "original"));
  app.get(`/api/v1${honoPath(THUMBNAIL_PATH)}`, serveFileHandler(deps, "thumbnail"));
}
