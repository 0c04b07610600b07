import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";
import { tryFinishRegistration } from "../welcome";

/** USER <username> <mode> <unused> :<realname>: the username is not kept (masks show the nick). */
export const user: IrcCommand = {
  minParams: 4,
  preRegistration: true,
  async handler(client, { params }) {
    if (client.registered) return client.reply(NUMERICS.ERR_ALREADYREGISTERED, "You may not reregister");
    client.username = params[0] ?? "";
    await tryFinishRegistration(client);
  },
};
