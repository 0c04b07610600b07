export { loadConfig, type ServerConfig } from "./config";
export { createServer, type ChatServerHandle } from "./create-server";
export { startBalancer, type Backend } from "./cluster/tcp-balancer";
export { createLogger } from "./logger";
export { argon2Hasher } from "./auth/argon2-hasher";
