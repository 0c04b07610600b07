import { describe, expectTypeOf, it } from "vitest";
import type { Ack } from "./ack";
import type { ClientEventPayload, ClientEventResult } from "./events/client-events";
import type { ServerEventPayload } from "./events/server-events";
import type { Message } from "./models";
import type { ClientToServerEvents, ServerToClientEvents } from "./socket-types";

describe("Socket.IO event maps derived from the catalog", () => {
  it("types message:send's payload and ack as the schema says", () => {
    type Send = ClientToServerEvents["message:send"];
    expectTypeOf<Parameters<Send>[0]>().toEqualTypeOf<{
      target: string;
      text: string;
      action?: boolean | undefined;
      clientId?: string | undefined;
      replyTo?: number | undefined;
      attachment?: string | undefined;
    }>();
    expectTypeOf<Parameters<Send>[1]>().toEqualTypeOf<(result: Ack<{ message: Message }>) => void>();
  });

  it("types every client event from its payload and result schemas", () => {
    expectTypeOf<Parameters<ClientToServerEvents["channel:ban"]>[0]>().toEqualTypeOf<
      ClientEventPayload<"channel:ban">
    >();
    expectTypeOf<ClientEventPayload<"channel:ban">>().toEqualTypeOf<{
      channel: string;
      nick: string;
      durationSeconds?: number | undefined;
      reason?: string | undefined;
    }>();
    expectTypeOf<ClientEventResult<"channel:ban">>().toEqualTypeOf<{ expiresAt: string | null }>();
    expectTypeOf<ClientEventPayload<"auth:logout">>().toEqualTypeOf<Record<string, never>>();
  });

  it("types server events from their payload schemas", () => {
    expectTypeOf<Parameters<ServerToClientEvents["message:new"]>[0]>().toEqualTypeOf<Message>();
    expectTypeOf<ServerEventPayload<"presence:changes">>().toEqualTypeOf<{
      changes: Array<{ user: { id: string; name: string }; online: boolean }>;
    }>();
  });

  it("has no events beyond the catalog", () => {
    // @ts-expect-error: not in the catalog
    expectTypeOf<ClientToServerEvents["message:purge"]>().toBeFunction();
    // @ts-expect-error: a server event, not a client one
    expectTypeOf<ClientToServerEvents["message:new"]>().toBeFunction();
  });
});
