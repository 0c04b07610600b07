import { afterEach, describe, expect, it } from "vitest";
import { call, TestServer } from "../harness";
import { rawConnect } from "./attack-kit";

/** Cross-site WebSocket hijacking: a page on another site opening a connection from its visitor's browser. */
describe("origin allow-list on the handshake", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it.each(["websocket", "polling"] as const)(
    "refuses a %s handshake from a foreign origin before Socket.IO sees it",
    async (transport) => {
      server = await new TestServer().start();
      await expect(rawConnect(server.url, { origin: "https://evil.example", transport })).rejects.toThrow();
      await expect(rawConnect(server.url, { origin: "null", transport })).rejects.toThrow();
      // The refusal is an HTTP one: a browser page gets no Socket.IO session to ride on.
      const poll = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
        headers: { Origin: "https://evil.example" },
      });
      expect(poll.status).toBe(403);
    },
  );

  it("lets in the server's own origin, Vite's dev server, and clients that send no Origin", async () => {
    server = await new TestServer().start();
    const port = new URL(server.url).port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, "http://localhost:5173", undefined]) {
      const socket = await rawConnect(server.url, origin === undefined ? {} : { origin });
      const ack = await call(socket, "auth:login", { name: "nobody", password: "whatever it is" });
      expect(ack.ok || ack.error.code).toBe("INVALID_CREDENTIALS");
      socket.close();
    }
  });

  it("uses ALLOWED_ORIGINS instead of the defaults when it is set", async () => {
    server = await new TestServer({
      ALLOWED_ORIGINS: "https://chat.example.com, https://CHAT.example.org:443",
    }).start();
    const port = new URL(server.url).port;
    (await rawConnect(server.url, { origin: "https://chat.example.com" })).close();
    (await rawConnect(server.url, { origin: "https://chat.example.org" })).close();
    await expect(rawConnect(server.url, { origin: `http://127.0.0.1:${port}` })).rejects.toThrow();
    await expect(rawConnect(server.url, { origin: "https://chat.example.com.evil.example" })).rejects.toThrow();
    await expect(rawConnect(server.url, { origin: "http://chat.example.com" })).rejects.toThrow();
  });
});
