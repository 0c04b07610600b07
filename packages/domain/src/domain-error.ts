import type { ChatError, ErrorCode } from "@canaduck/contract";

/** A refusal the user should see, with its stable code. Thrown inside a command to roll it back. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "DomainError";
  }

  toChatError(): ChatError {
    return this.retryAfterMs === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}

export const refuse = (code: ErrorCode, message: string): never => {
  throw new DomainError(code, message);
};
