import { failedWith, type UserActor } from "@canaduck/domain";
import type { ChatError } from "@canaduck/contract";
import type { ConnectReads } from "../realtime/connect-batches";

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/=-]{1,512})[ ]*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/**
 * The user a request acts as, from the same session tokens and the same grouped read as a
 * socket's handshake: a logout, a revocation or a suspension stops the token on its next request.
 */
export async function actorOf(reads: ConnectReads, header: string | undefined): Promise<UserActor | ChatError> {
  const token = bearerToken(header);
  if (token === null)
    return {
      code: "NOT_AUTHENTICATED",
      message: "Send `Authorization: Bearer <token>`; POST /api/v1/sessions gives one.",
    };
  try {
    return await reads.authenticate(token);
  } catch (error) {
    // The refusal or UNAVAILABLE as any command answers it; anything else is the app's INTERNAL.
    const { ack } = failedWith(error);
    if (ack.ok || ack.error.code === "INTERNAL") throw error;
    return ack.error;
  }
}
