import { z } from "zod";
import { ackSchema } from "./ack";
import { clientEventNames, clientEvents } from "./events/client-events";
import { serverEventNames, serverEvents } from "./events/server-events";
import { handshakeRefusalSchema, handshakeSchema } from "./handshake";
import { PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS } from "./protocol-version";

/** A generated JSON Schema file: where it goes under `schemas/`, and what it holds. */
export type JsonSchemaDocument = { path: string; content: Record<string, unknown> };

// "input": the schemas describe what the contract's parsers accept, which is what may be on the wire.
const toJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input" });

/** `message:send` → `message.send.json`: colons are awkward in file names on some systems. */
export const jsonSchemaFileName = (event: string) => `${event.replaceAll(":", ".")}.json`;

/** JSON Schemas of every event's payload (and ack, for client events) and of the handshake, from the zod catalog. */
export function jsonSchemaDocuments(): JsonSchemaDocument[] {
  const client = clientEventNames.map((event) => ({
    path: `client/${jsonSchemaFileName(event)}`,
    content: {
      event,
      direction: "client to server",
      summary: clientEvents[event].summary,
      payload: toJsonSchema(clientEvents[event].payload),
      ack: toJsonSchema(ackSchema(clientEvents[event].result)),
    },
  }));
  const server = serverEventNames.map((event) => ({
    path: `server/${jsonSchemaFileName(event)}`,
    content: {
      event,
      direction: "server to client",
      summary: serverEvents[event].summary,
      payload: toJsonSchema(serverEvents[event].payload),
    },
  }));
  const handshake = {
    path: "handshake.json",
    content: {
      summary: "Socket.IO `auth` a client sends when it connects, and the connect_error `data` of a refusal.",
      protocolVersion: PROTOCOL_VERSION,
      supportedProtocols: SUPPORTED_PROTOCOL_VERSIONS,
      auth: toJsonSchema(handshakeSchema),
      refusal: toJsonSchema(handshakeRefusalSchema),
    },
  };
  return [...client, ...server, handshake];
}
