import { z } from "zod";
import { errorSchema, type ChatError } from "./error-codes";

/** The schema of an acknowledgement whose success carries `data`. */
export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion("ok", [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorSchema }),
  ]);
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ChatError };

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (error: ChatError): Ack<never> => ({ ok: false, error });
