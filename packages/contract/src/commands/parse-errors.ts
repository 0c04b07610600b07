import { z } from "zod";

/** Why typed input could not be turned into a command; clients key their messages on these. */
export const parseErrorCodes = [
  "UNKNOWN_COMMAND",
  "MISSING_ARGUMENT",
  "TOO_MANY_ARGUMENTS",
  "INVALID_ARGUMENT",
  "NO_TARGET",
] as const;

export const parseErrorCodeSchema = z.enum(parseErrorCodes);
export type ParseErrorCode = z.infer<typeof parseErrorCodeSchema>;
/** `ParseErrorCodes.NO_TARGET === "NO_TARGET"`. */
export const ParseErrorCodes = parseErrorCodeSchema.enum;

export type ParseError = { code: ParseErrorCode; message: string };
export type ParseFailure = { ok: false; error: ParseError };

export const parseFailure = (code: ParseErrorCode, message: string): ParseFailure => ({
  ok: false,
  error: { code, message },
});
