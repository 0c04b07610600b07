export { loadConfig, type ServerConfig } from "./config";
export { createServer, type ChatServerHandle } from "./create-server";
