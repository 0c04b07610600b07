import { afterEach, describe, expect, it } from "vitest";
import { TestServer } from "../harness";
import { disconnected, emitRaw, rawConnect } from "./attack-kit";

describe("an oversized event", () => {
  let server: TestServer | undefined;
  afterEach(() => server?.dispose());

  it.each(["websocket", "polling"] as const)(
    "over %s: closes that connection, and the server and everyone else carry on",
    async (transport) => {
      server = await new TestServer().start();
      const alice = await server.user("alice");
      const bob = await server.user("bob");
      for (const c of [alice, bob]) await c.do("channel:join", { channel: "#dev" });
      const attacker = await rawConnect(server.url, { auth: { token: bob.token }, transport });

      const closed = disconnected(attacker);
      // No answer comes: the connection is closed instead.
      const answer = emitRaw(attacker, "message:send", { target: "#dev", text: "y".repeat(200_000) }, 3_000).catch(
        () => "no answer",
      );
      expect(await closed).toMatch(/transport (close|error)/);
      expect(await answer).toBe("no answer");

      const heard = bob.next("message:new", (m) => m.text === "still standing");
      await alice.do("message:send", { target: "#dev", text: "still standing" });
      expect(await heard).toMatchObject({ author: { name: "alice" } });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      // Nothing of the oversized event was stored.
      const { messages } = await alice.do("history:read", { target: "#dev" });
      expect(messages.some((m) => m.text.length > 4000)).toBe(false);
      // The attacker may simply connect again: it was the event that was refused, not the user.
      (await rawConnect(server.url, { auth: { token: bob.token }, transport })).close();
    },
  );
});
