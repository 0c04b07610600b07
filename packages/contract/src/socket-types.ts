import type { Ack } from "./ack";
import type { ClientEventName, ClientEventPayload, ClientEventResult } from "./events/client-events";
import type { ServerEventName, ServerEventPayload } from "./events/server-events";

/** Socket.IO's typed-events map for what clients emit, derived from the catalog. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientEventPayload<E>, ack: (result: Ack<ClientEventResult<E>>) => void) => void;
};

/** Socket.IO's typed-events map for what the server emits, derived from the catalog. */
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerEventPayload<E>) => void;
};
