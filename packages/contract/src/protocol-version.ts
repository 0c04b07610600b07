/** The protocol version this build of the contract speaks. Bump on any breaking change. */
export const PROTOCOL_VERSION = 2;

/** Versions a server built from this contract accepts in the handshake. */
/**
 * Version 2 made every change an entry of the conversation's log (edit, delete, react, unreact,
 * quit and nick lines), added `version`, `editedAt`, `deleted`, `reactions` and `replyTo` to
 * messages and read markers to channel views. A version-1 client would show change entries as
 * lines, so it is refused with UNSUPPORTED_PROTOCOL rather than served wrongly.
 */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [2];
