import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";
import { SERVER_NAME, USER_HOST } from "../server-info";
import { prefixOf } from "./names";

/** WHO #chan: a 352 per member (H here, G away; its prefix), then 315. */
export const who: IrcCommand = {
  minParams: 1,
  needsAccount: true,
  async handler(client, { params }) {
    const mask = params[0] ?? "";
    if (mask.startsWith("#")) {
      const ack = await client.call("channel:who", { channel: mask });
      if (!ack.ok) return replyRefusal(client, "WHO", mask, ack.error);
      for (const m of ack.data.members) {
        const flags = (m.away === undefined ? "H" : "G") + (m.isAdmin ? "*" : "") + prefixOf(client, m);
        client.reply(NUMERICS.RPL_WHOREPLY, mask, m.name, USER_HOST, SERVER_NAME, m.name, flags, `0 ${m.name}`);
      }
    } else {
      const ack = await client.call("user:whois", { nick: mask });
      if (ack.ok) {
        const u = ack.data;
        const flags = (u.away === null ? "H" : "G") + (u.user.isAdmin ? "*" : "");
        client.reply(
          NUMERICS.RPL_WHOREPLY,
          "*",
          u.user.name,
          USER_HOST,
          SERVER_NAME,
          u.user.name,
          flags,
          `0 ${u.user.name}`,
        );
      }
    }
    client.reply(NUMERICS.RPL_ENDOFWHO, mask, "End of /WHO list.");
  },
};
