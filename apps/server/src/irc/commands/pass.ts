import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";

/** PASS account:password (or a bare password for the nick): tried when registration completes. */
export const pass: IrcCommand = {
  minParams: 1,
  preRegistration: true,
  handler(client, { params }) {
    if (client.registered) return client.reply(NUMERICS.ERR_ALREADYREGISTERED, "You may not reregister");
    // A password with spaces sent without a ":" arrives as several parameters: it is one.
    client.pass = params.join(" ");
  },
};
