import { connect, createServer, type Server, type Socket } from "node:net";

export interface Backend {
  host: string;
  port: number;
}

/**
 * A round-robin TCP load balancer for running several nodes behind one address on one
 * machine. CanaDuck's clients use the WebSocket transport only, so each Socket.IO session is a
 * single TCP connection and needs no sticky routing. A backend that refuses a connection is
 * skipped, so when a node dies its clients' reconnects land on the others.
 */
export function startBalancer(port: number, host: string, backends: Backend[]): Promise<Server> {
  let next = 0;
  const server = createServer((client) => {
    client.pause();
    tryBackend(client, 0);
  });

  function tryBackend(client: Socket, attempt: number): void {
    if (attempt >= backends.length) {
      client.destroy();
      return;
    }
    const backend = backends[next % backends.length];
    next += 1;
    if (!backend) {
      client.destroy();
      return;
    }
    const upstream = connect(backend.port, backend.host);
    let established = false;
    upstream.once("connect", () => {
      established = true;
      client.pipe(upstream).pipe(client);
      client.once("close", () => upstream.destroy());
      upstream.once("close", () => client.destroy());
      client.resume();
    });
    upstream.on("error", () => {
      if (established) client.destroy();
      else tryBackend(client, attempt + 1);
    });
    client.on("error", () => upstream.destroy());
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
