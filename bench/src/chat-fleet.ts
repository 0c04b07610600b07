import { ChatClient, type ChatState } from "@canaduck/client";
import type { Socket } from "socket.io-client";

/** A user driven by the real client core, with its own name and password. */
export interface FleetMember {
  name: string;
  client: ChatClient;
}

/** Waits until `ready` holds for the client's state, polling on every change; bounded. */
export function until(client: ChatClient, ready: (s: ChatState) => boolean, timeoutMs = 20_000): Promise<ChatState> {
  return new Promise((resolve, reject) => {
    let stop = () => {};
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`client state not reached within ${timeoutMs} ms (status ${client.getState().status})`));
    }, timeoutMs);
    const check = () => {
      const state = client.getState();
      if (!ready(state)) return;
      clearTimeout(timer);
      stop();
      resolve(state);
    };
    stop = client.subscribe(check);
    check();
  });
}

export const FAST_RECONNECT = { reconnectionDelay: 50, reconnectionDelayMax: 500 };

/** Registers `count` users named `${prefix}${i}`, each through its own ChatClient. */
export async function registerFleet(url: string, prefix: string, count: number): Promise<FleetMember[]> {
  const members: FleetMember[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${prefix}${i}`;
    const client = new ChatClient({ url, socket: FAST_RECONNECT, callTimeoutMs: 15_000 });
    await until(client, (s) => s.status === "online");
    const ack = await client.register(name, "bench password");
    if (!ack.ok) throw new Error(`register ${name}: ${ack.error.code}`);
    members.push({ name, client });
  }
  return members;
}

export async function joinAll(members: FleetMember[], channels: string[]): Promise<void> {
  for (const { client } of members) {
    for (const channel of channels) {
      const ack = await client.request("channel:join", { channel }, true);
      if (!ack.ok) throw new Error(`join ${channel}: ${ack.error.code}`);
    }
  }
}

/** Cuts a client's connection as a network failure would; the client reconnects by itself. */
export function dropConnection(client: ChatClient): void {
  const socket = (client as unknown as { socket: Socket }).socket;
  socket.io.engine.close();
}

export function closeFleet(members: FleetMember[]): void {
  for (const { client } of members) client.close();
}
