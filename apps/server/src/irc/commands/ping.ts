import type { IrcCommand } from "../command-spec";
import { SERVER_NAME } from "../server-info";

export const ping: IrcCommand = {
  minParams: 1,
  preRegistration: true,
  handler(client, { params }) {
    client.send({ tags: {}, source: SERVER_NAME, command: "PONG", params: [SERVER_NAME, params[0] ?? ""] });
  },
};

/** The server sends no PINGs of its own (the TCP socket's state is watched): a PONG is ignored. */
export const pong: IrcCommand = { minParams: 0, preRegistration: true, handler: () => undefined };
