import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { createApiApp, type ApiDeps } from "./api-app";

export type { ApiDeps } from "./api-app";

/** Whether a request is the HTTP API's (/api/v1, its document and its reference page). */
export const isApiRequest = (pathname: string): boolean => pathname === "/api" || pathname.startsWith("/api/");

/** The HTTP API as a Node request handler, to be called for the requests `isApiRequest` picks. */
export function createApiHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const listener = getRequestListener(createApiApp(deps).fetch);
  return async (req, res) => {
    await listener(req, res);
  };
}
