import type { Ack, ErrorCode, UserView } from "@canaduck/contract";
import type { IrcClient } from "./irc-client";
import { joinBurst } from "./join-burst";
import { maskOf } from "./server-info";

export type LoginResult = { ok: true; account: string } | { ok: false; code: ErrorCode; message: string };

/** Logs the connection in (auth:login) or creates the account (auth:register), as the web does. */
export async function logIn(
  client: IrcClient,
  name: string,
  password: string,
  mode: "login" | "register" = "login",
): Promise<LoginResult> {
  const ack = (await client.connection.run(mode === "login" ? "auth:login" : "auth:register", {
    name,
    password,
  })) as Ack<{ user: UserView }>;
  if (!ack.ok) return { ok: false, code: ack.error.code, message: ack.error.message };
  client.account = { id: ack.data.user.id, name: ack.data.user.name };
  client.ownsSession = true;
  await adoptAccount(client);
  return { ok: true, account: ack.data.user.name };
}

/**
 * Once registered and logged in, the IRC nick is the account's nick, and the account's channels
 * are joined. Before registration completes, the welcome does this.
 */
export async function adoptAccount(client: IrcClient): Promise<void> {
  const { account } = client;
  if (!client.registered || account === null) return;
  if (client.nick !== account.name) {
    client.send({ tags: {}, source: maskOf(client.nick), command: "NICK", params: [account.name] });
    client.nick = account.name;
  }
  await joinBurst(client);
}

/** `PASS account:password` (ZNC's form), or a bare password for the nick given with NICK. */
export function splitPass(pass: string, nick: string): { name: string; password: string } {
  const colon = pass.indexOf(":");
  return colon > 0 ? { name: pass.slice(0, colon), password: pass.slice(colon + 1) } : { name: nick, password: pass };
}
