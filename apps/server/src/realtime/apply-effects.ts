import type { Audience, Effect } from "@canaduck/domain";
import type { BroadcastOperator } from "socket.io";
import { channelRoom, sessionRoom, userRoom } from "./rooms";
import type { ChatServer, ChatSocket, SocketData } from "./types";
import type { ServerToClientEvents } from "@canaduck/contract";

export interface EffectTarget {
  io: ChatServer;
  /** The connection whose command produced the effects; null when it came over HTTP, which has none to bind or close. */
  socket: ChatSocket | null;
  /** Makes `socket` act as a freshly logged-in user (rooms, presence). */
  bindSession(socket: ChatSocket, actor: Extract<SocketData["actor"], { kind: "user" }>): Promise<void>;
}

type Broadcast = Pick<BroadcastOperator<ServerToClientEvents, SocketData>, "emit">;

function audienceOf(io: ChatServer, to: Audience): Broadcast {
  if ("everyone" in to) return io;
  if ("channel" in to) return io.to(channelRoom(to.channel));
  if ("user" in to) return io.to(userRoom(to.user));
  // One `to` with every room: Socket.IO sends once to a connection in several of them.
  return io.to([...to.channels.map(channelRoom), ...to.users.map(userRoom)]);
}

/** Effects that close connections run after the ack, so the client still gets its answer. */
export const isClosing = (effect: Effect): boolean =>
  effect.type === "end-session" || effect.type === "close-connection";

/** Carries out a committed command's effects, in order. */
export async function applyEffects(target: EffectTarget, effects: readonly Effect[]): Promise<void> {
  const { io, socket } = target;
  for (const effect of effects) {
    switch (effect.type) {
      case "emit": {
        const to = audienceOf(io, effect.to);
        // The union of events and payloads is checked where effects are built (EffectList.emit).
        (to.emit as (event: string, payload: unknown) => boolean)(effect.event, effect.payload);
        break;
      }
      case "subscribe":
        io.in(userRoom(effect.user)).socketsJoin(channelRoom(effect.channel));
        break;
      case "unsubscribe":
        io.in(userRoom(effect.user)).socketsLeave(channelRoom(effect.channel));
        break;
      case "bind-session":
        if (socket) await target.bindSession(socket, effect.actor);
        break;
      case "end-session":
        io.to(sessionRoom(effect.sessionId)).emit(
          "session:ended",
          effect.code ? { reason: effect.reason, code: effect.code } : { reason: effect.reason },
        );
        io.in(sessionRoom(effect.sessionId)).disconnectSockets(true);
        break;
      case "close-connection":
        socket?.emit("session:ended", { reason: effect.reason });
        socket?.disconnect(true);
        break;
      case "discard-file":
        // The file store's, not a connection's: create-server.ts hands these to files/discard-files.ts.
        break;
      case "webhooks-changed":
        // The webhook deliverer's (webhooks/delivery-queue.ts), which create-server.ts hands every effect.
        break;
    }
  }
}
