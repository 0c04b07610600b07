import type { Ack, ChannelView } from "@canaduck/contract";
import type { IrcClient } from "./irc-client";
import { announceJoin } from "./announce-join";

/** After login: every conversation the account is in, channels announced as joined (with topic and names). */
export async function joinBurst(client: IrcClient): Promise<void> {
  const state = (await client.connection.run("session:state", {})) as Ack<{ channels: ChannelView[] }>;
  if (!state.ok) return client.notice(`Could not read your channels: ${state.error.message}`);
  for (const channel of state.data.channels) await announceJoin(client, channel);
}
