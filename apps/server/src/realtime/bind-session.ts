import type { ErrorCode } from "@canaduck/contract";
import { DomainError, type PresenceSubject, type UserActor } from "@canaduck/domain";
import type { Logger } from "../logger";
import type { PresenceRegistry } from "../scale/presence-registry";
import type { ConnectReads } from "./connect-batches";
import type { PresenceAnnouncer } from "./presence-announcer";
import { channelRoom, sessionRoom, userRoom } from "./rooms";
import type { ChatServer, ChatSocket } from "./types";

export interface BindingDeps {
  io: ChatServer;
  reads: ConnectReads;
  presence: PresenceRegistry;
  announcer: PresenceAnnouncer;
}

/** Connections counted in presence; only these are uncounted when they close. */
export const counted = new WeakSet<ChatSocket>();

/** Records the rooms a socket is made to leave until `stop`: a kick or part applied meanwhile. */
function watchLeaves(socket: ChatSocket): { rooms: Set<string>; stop(): void } {
  const rooms = new Set<string>();
  // An own property over the prototype's method, deleted again: the adapter calls socket.leave.
  const leave = socket.leave.bind(socket);
  socket.leave = (room) => {
    rooms.add(room);
    return leave(room);
  };
  return { rooms, stop: () => Reflect.deleteProperty(socket, "leave") };
}

/** The code the session's re-check was refused with, or null while the session is still open. */
async function refusalOf(check: () => Promise<unknown>): Promise<ErrorCode | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

/**
 * Puts a connection in its user's, session's and channels' rooms and marks the user online.
 *
 * The user's and session's rooms are joined before anything is awaited, so from that moment
 * every logout, revocation, kick or join addressed to this user reaches this connection. What
 * committed before is read afterwards: the channels, and (`recheck`, for a connection that
 * authenticated in its handshake) the session again, which a logout or revocation may have
 * ended since the handshake read it. A channel left while the read was out (a kick) is not
 * joined from the older read.
 *
 * If a read fails the connection is left as it was and the error thrown; if only presence
 * fails (Redis), the user chats and is not announced online.
 */
export async function bindSession(
  deps: BindingDeps,
  socket: ChatSocket,
  actor: UserActor,
  log: Logger,
  recheck?: () => Promise<unknown>,
): Promise<void> {
  if (socket.disconnected) return;
  const before = socket.data.actor;
  const own = [userRoom(actor.userId), sessionRoom(actor.sessionId)];
  void socket.join(own);
  socket.data.actor = actor;
  const leaves = watchLeaves(socket);
  let subject: PresenceSubject;
  let ended: ErrorCode | null;
  try {
    // One read serves both the rooms to join and the "came online" announcement.
    [subject, ended] = await Promise.all([
      deps.reads.presenceSubject(actor.userId),
      recheck ? refusalOf(recheck) : Promise.resolve(null),
    ]);
  } catch (error) {
    leaves.stop();
    for (const room of own) void socket.leave(room);
    socket.data.actor = before;
    throw error;
  }
  leaves.stop();
  if (ended !== null) {
    socket.emit("session:ended", { reason: "revoked", code: ended });
    socket.disconnect(true);
    return;
  }
  if (socket.disconnected) return;
  void socket.join(subject.channels.map(channelRoom).filter((room) => !leaves.rooms.has(room)));
  counted.add(socket);
  try {
    const first = await deps.presence.connected(actor.userId);
    // Dropped while presence was recorded (a phone losing its network just after connecting): its
    // disconnect has been counted and announced offline already; "online" now would be the last
    // word the others hear, and stay on their screens.
    if (first && !socket.disconnected) deps.announcer.announce(subject, true);
  } catch (error) {
    log.warn({ err: error, user: actor.userId }, "presence unavailable: the user was not announced online");
  }
}
