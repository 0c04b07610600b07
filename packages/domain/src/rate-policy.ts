import { isClientEventName } from "@canaduck/contract";
import type { Actor } from "./actor";
import type { RatePolicy } from "./command";
import { commands } from "./command-table";

/**
 * What running `event` as `actor` costs, as the command table declares it. An unknown event,
 * or an actor the dispatcher turns away before reading anything (a login while logged in, a
 * send before logging in), costs nothing: it never reaches the database.
 */
export function rateOf(event: string, actor: Actor): RatePolicy {
  if (!isClientEventName(event)) return "unlimited";
  const def = commands[event];
  const forAnonymous = def.scope === "anonymous";
  return forAnonymous === (actor.kind === "anonymous") ? def.rate : "unlimited";
}
