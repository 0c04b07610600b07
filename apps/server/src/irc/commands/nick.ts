import { NICK_PATTERN, limits, type Ack, type UserView } from "@canaduck/contract";
import { replyRefusal } from "../ack-reply";
import type { IrcCommand } from "../command-spec";
import { NUMERICS } from "../numerics";
import { maskOf } from "../server-info";
import { tryFinishRegistration } from "../welcome";

/** NICK: before login it only names the client; logged in, it renames the account (user:nick). */
export const nick: IrcCommand = {
  minParams: 0,
  preRegistration: true,
  async handler(client, { params }) {
    const wanted = params[0];
    if (wanted === undefined || wanted === "") return client.reply(NUMERICS.ERR_NONICKNAMEGIVEN, "No nickname given");
    if (!NICK_PATTERN.test(wanted) || wanted.length > limits.nickMaxLength) {
      return client.reply(NUMERICS.ERR_ERRONEUSNICKNAME, wanted, "Erroneous nickname");
    }
    if (client.account === null || !client.registered) {
      const before = client.nick;
      client.nick = wanted;
      if (client.registered) client.send({ tags: {}, source: maskOf(before), command: "NICK", params: [wanted] });
      return tryFinishRegistration(client);
    }
    const ack = (await client.connection.run("user:nick", { nick: wanted })) as Ack<{ user: UserView }>;
    if (!ack.ok) return replyRefusal(client, "NICK", wanted, ack.error);
    const before = client.nick;
    client.nick = ack.data.user.name;
    client.account = { id: ack.data.user.id, name: ack.data.user.name };
    client.send({ tags: {}, source: maskOf(before), command: "NICK", params: [client.nick] });
  },
};
