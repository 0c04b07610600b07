import type { IrcCommand } from "../command-spec";
import { logIn } from "../login";
import { NUMERICS } from "../numerics";
import { maskOf, SERVER_NAME } from "../server-info";

/** Longest SASL response accepted: an account, a password and their separators, base64. */
const MAX_SASL_BYTES = 1200;

/** AUTHENTICATE PLAIN: the SASL exchange, ending in auth:login. */
export const authenticate: IrcCommand = {
  minParams: 1,
  preRegistration: true,
  async handler(client, { params }) {
    const arg = params[0] ?? "";
    if (client.account !== null) return client.reply(NUMERICS.ERR_SASLALREADY, "You have already authenticated");
    if (arg === "*") {
      client.sasl = null;
      return client.reply(NUMERICS.ERR_SASLABORTED, "SASL authentication aborted");
    }
    if (client.sasl === null) {
      if (arg.toUpperCase() !== "PLAIN")
        return client.reply(NUMERICS.RPL_SASLMECHS, "PLAIN", "are available SASL mechanisms");
      client.sasl = { buffer: "" };
      return client.send({ tags: {}, source: SERVER_NAME, command: "AUTHENTICATE", params: ["+"] });
    }
    if (arg !== "+") client.sasl.buffer += arg;
    if (client.sasl.buffer.length > MAX_SASL_BYTES) {
      client.sasl = null;
      return client.reply(NUMERICS.ERR_SASLTOOLONG, "SASL message too long");
    }
    // A 400-byte chunk means more follows.
    if (arg.length === 400) return;
    const [, name = "", password = ""] = Buffer.from(client.sasl.buffer, "base64").toString("utf8").split("\0");
    client.sasl = null;
    const login = await logIn(client, name, password);
    if (!login.ok) return client.reply(NUMERICS.ERR_SASLFAIL, `SASL authentication failed: ${login.message}`);
    const { account } = login;
    client.reply(NUMERICS.RPL_LOGGEDIN, maskOf(account), account, `You are now logged in as ${account}`);
    client.reply(NUMERICS.RPL_SASLSUCCESS, "SASL authentication successful");
  },
};
