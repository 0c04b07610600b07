import type { IrcCommand } from "../command-spec";
import { SERVER_NAME, CAPABILITIES } from "../server-info";
import { tryFinishRegistration } from "../welcome";

const offered = new Set<string>(CAPABILITIES);

/** CAP LS / LIST / REQ / END (IRCv3 capability negotiation, version 302). */
export const cap: IrcCommand = {
  minParams: 1,
  preRegistration: true,
  async handler(client, { params }) {
    const sub = (params[0] ?? "").toUpperCase();
    const send = (...rest: string[]) =>
      client.send({ tags: {}, source: SERVER_NAME, command: "CAP", params: [client.nick, ...rest] });
    if (sub === "LS") {
      if (!client.registered) client.capNegotiating = true;
      const v302 = Number(params[1] ?? "0") >= 302;
      return send("LS", CAPABILITIES.map((c) => (c === "sasl" && v302 ? "sasl=PLAIN" : c)).join(" "));
    }
    if (sub === "LIST") return send("LIST", [...client.caps].join(" "));
    if (sub === "REQ") {
      if (!client.registered) client.capNegotiating = true;
      const wanted = (params[1] ?? "").split(" ").filter(Boolean);
      // All or nothing, as the specification says.
      const ok = wanted.every((c) => offered.has(c.replace(/^-/, "")));
      for (const c of ok ? wanted : []) {
        if (c.startsWith("-")) client.caps.delete(c.slice(1));
        else client.caps.add(c);
      }
      return send(ok ? "ACK" : "NAK", wanted.join(" "));
    }
    if (sub === "END") {
      client.capNegotiating = false;
      return tryFinishRegistration(client);
    }
    client.reply("410", sub, "Invalid CAP command");
  },
};
