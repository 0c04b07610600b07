import { readFileSync } from "node:fs";
import { createServer as createTcpServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { IrcClient, type IrcDeps } from "./irc-client";

export interface IrcListeners {
  /** The bound plain-text port, or null when IRC_PORT is off. */
  port: number | null;
  /** The bound TLS port, or null without a certificate. */
  tlsPort: number | null;
  /** Stops accepting new clients (the first step of a shutdown). */
  stopAccepting(): void;
  /** Closes the clients still connected and waits for the listeners to be closed. */
  close(): Promise<void>;
}

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });

/** The IRC gateway's listeners (plain and TLS), on HOST, on every node. */
export async function startIrcListeners(host: string, deps: IrcDeps): Promise<IrcListeners> {
  const clients = new Set<IrcClient>();
  const accept = (socket: Socket) => {
    socket.setNoDelay(true);
    const client = new IrcClient(socket, deps);
    clients.add(client);
    socket.once("close", () => clients.delete(client));
  };
  const servers: Server[] = [];
  const { port, tls } = deps.irc;
  let plainPort: number | null = null;
  let tlsPort: number | null = null;
  if (port !== null) {
    const server = createTcpServer(accept);
    plainPort = await listen(server, port, host);
    servers.push(server);
  }
  if (tls !== null) {
    const server = createTlsServer({ cert: readFileSync(tls.certPath), key: readFileSync(tls.keyPath) }, accept);
    tlsPort = await listen(server, tls.port, host);
    servers.push(server);
  }
  const closed = servers.map((server) => new Promise((resolve) => server.once("close", resolve)));
  const stopAccepting = () => {
    for (const server of servers) if (server.listening) server.close();
  };
  return {
    port: plainPort,
    tlsPort,
    stopAccepting,
    close: async () => {
      stopAccepting();
      const open = [...clients];
      for (const client of open) client.close("Closing link: server shutting down");
      await Promise.all([...closed, ...open.map((client) => client.whenEnded())]);
    },
  };
}
