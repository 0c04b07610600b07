import type { ClientEventName, ClientEventPayload, TokenScope } from "@canaduck/contract";
import type { UserActor } from "./actor";
import { refuse } from "./domain-error";

/**
 * What an API token needs to run a command:
 * - a scope (see tokenScopes in the contract), or one chosen by the payload (reading a topic
 *   is a read, setting it moderates);
 * - "login": only a password login, never a token, whatever its scopes: a leaked token must not
 *   mint wider tokens, make bots or end the owner's other sessions;
 * - "any": every session, a token of any scope (logging out, leaving, and the anonymous
 *   commands, which a logged-in actor is refused anyway).
 * A password login passes every check; the access the command table declares still applies
 * to everyone, so a scope only ever narrows what the account may do.
 */
export type ScopeNeed<E extends ClientEventName> =
  TokenScope | "login" | "any" | ((p: ClientEventPayload<E>) => TokenScope);

/** Typed over every event: a command added to the contract does not compile until it is given its scope. */
export const commandScopes: { [E in ClientEventName]: ScopeNeed<E> } = {
  "auth:register": "any",
  "auth:login": "any",
  "auth:logout": "any",
  "session:quit": "any",
  "session:state": "read",
  "session:sync": "read",
  "session:list": "login",
  "session:revoke": "login",
  "token:create": "login",
  "token:list": "login",
  "token:revoke": "login",
  "bot:create": "login",
  "bot:list": "login",
  // Both make a credential (a signing key, a secret URL and a bot), as token:create does.
  "webhook:create": "login",
  "webhook:create-incoming": "login",
  "webhook:list": "moderate",
  "webhook:delete": "moderate",
  "webhook:deliveries": "moderate",
  "user:suspend": "admin",
  "user:unsuspend": "admin",
  "server:alert": "admin",
  "audit:log": "admin",
  "user:nick": "write",
  "user:away": "write",
  "user:whois": "read",
  "user:ignore": "write",
  "user:unignore": "write",
  "settings:update": "write",
  "channel:join": "write",
  "channel:part": "write",
  "channel:topic": (p) => (p.topic === undefined ? "read" : "moderate"),
  "channel:mode": "moderate",
  "channel:invite": "moderate",
  "channel:kick": "moderate",
  "channel:ban": "moderate",
  "channel:unban": "moderate",
  "channel:bans": "read",
  "channel:op": "moderate",
  "channel:deop": "moderate",
  "direct:close": "write",
  "direct:open": "write",
  "channel:list": "read",
  "channel:who": "read",
  "message:send": "write",
  "message:edit": "write",
  "message:delete": "write",
  "message:react": "write",
  "message:unreact": "write",
  "read:mark": "write",
  "history:read": "read",
  "search:query": "read",
  "server:help": "read",
  "typing:set": "write",
};

/** The scope `event` needs with this payload, as documented and as the HTTP matrix tests it. */
export function scopeNeeded<E extends ClientEventName>(
  event: E,
  payload: ClientEventPayload<E>,
): TokenScope | "login" | "any" {
  const need: ScopeNeed<E> = commandScopes[event];
  return typeof need === "function" ? need(payload) : need;
}

/** Refuses with INSUFFICIENT_SCOPE when the actor is a token without what the command needs. */
export function checkScope<E extends ClientEventName>(
  actor: UserActor,
  event: E,
  payload: ClientEventPayload<E>,
): void {
  if (actor.scopes === undefined) return;
  const need = scopeNeeded(event, payload);
  if (need === "any" || actor.scopes.includes(need as TokenScope)) return;
  if (need === "login")
    refuse("INSUFFICIENT_SCOPE", `${event} needs a password login; an API token cannot manage credentials.`);
  refuse(
    "INSUFFICIENT_SCOPE",
    `${event} needs a token with the "${need}" scope; this one has ${actor.scopes.join(", ")}.`,
  );
}
