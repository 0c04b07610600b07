import { Client, type ConnectOptions, type IrcEvent } from "irc-framework";

/** The next `event` the client emits that matches, or a clear failure after `timeoutMs`. */
export function nextEvent(
  client: Client,
  event: string,
  match: (e: IrcEvent) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<IrcEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`no matching "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (e: IrcEvent) => {
      if (!match(e)) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(e);
    };
    client.on(event, listener);
  });
}

/**
 * An irc-framework client connected to the gateway; resolves once registered and, with
 * `joined`, once that channel's names have arrived (they may come before "registered" settles).
 */
export async function frameworkClient(
  port: number,
  options: Partial<ConnectOptions> & { nick: string },
  extraCaps: string[] = [],
  joined?: string,
): Promise<Client> {
  const client = new Client();
  client.requestCap(extraCaps);
  const registered = nextEvent(client, "registered");
  const names = joined === undefined ? null : nextEvent(client, "userlist", (e) => e.channel === joined);
  client.connect({ host: "127.0.0.1", port, auto_reconnect: false, ...options });
  await registered;
  await names;
  return client;
}
