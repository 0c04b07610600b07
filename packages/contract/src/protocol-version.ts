/** The protocol version this build of the contract speaks. Bump on any breaking change. */
export const PROTOCOL_VERSION = 3;

/** Versions a server built from this contract accepts in the handshake. */
/**
 * Version 2 made every change an entry of the conversation's log (edit, delete, react, unreact,
 * quit and nick lines), added `version`, `editedAt`, `deleted`, `reactions` and `replyTo` to
 * messages and read markers to channel views. A version-1 client would show change entries as
 * lines, so it is refused with UNSUPPORTED_PROTOCOL rather than served wrongly.
 *
 * Version 3 replaced `presence:changed` (one event per user per change) with `presence:changes`
 * (a list): a server restart's reconnect storm had every member of a channel sent one event per
 * member coming back, the largest cost of a reconnect. A version-2 client would never hear
 * presence again, so it is refused likewise.
 */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [3];
