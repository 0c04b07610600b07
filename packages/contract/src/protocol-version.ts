/** The protocol version this build of the contract speaks. Bump on any breaking change. */
export const PROTOCOL_VERSION = 1;

/** Versions a server built from this contract accepts in the handshake. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1];
