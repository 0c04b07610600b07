import type { IncomingMessage } from "node:http";
import type { FilesConfig } from "../config";
import type { RouteRunDeps } from "../http-api/run-route";
import type { ConnectReads } from "../realtime/connect-batches";
import type { FileStore } from "./file-store";

export interface FileRouteDeps extends RouteRunDeps {
  reads: ConnectReads;
  addressOf(req: IncomingMessage): string;
  fileStore: FileStore;
  files: FilesConfig;
}
