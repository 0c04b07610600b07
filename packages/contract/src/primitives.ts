import { z } from "zod";
import { limits } from "./limits";
import { isOneEmoji } from "./emoji";

/** IRC-style nick: starts with a letter; letters, digits and `_-[]\^{}|` follow. */
export const NICK_PATTERN = /^[A-Za-z][A-Za-z0-9_\-[\]\\^{}|]*$/;
/** `#` then letters, digits, `_` or `-`. */
export const CHANNEL_PATTERN = /^#[A-Za-z0-9_-]+$/;

/**
 * Well-formed UTF-16: every surrogate half is in a pair. A lone half is no character at all: it
 * cannot be encoded as UTF-8, so a database (or any JSON encoder that checks) refuses it.
 */
const WELL_FORMED_PATTERN = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
const WELL_FORMED_MESSAGE = "text must be valid Unicode (a lone surrogate half is not a character)";

export const nickSchema = z
  .string()
  .min(1, "a nick cannot be empty")
  .max(limits.nickMaxLength, `a nick has at most ${limits.nickMaxLength} characters`)
  .regex(NICK_PATTERN, "a nick starts with a letter and holds only letters, digits and _-[]\\^{}|");

export const channelNameSchema = z
  .string()
  .min(2, "a channel name is # followed by at least one character")
  .max(limits.channelNameMaxLength + 1, `a channel name has at most ${limits.channelNameMaxLength} characters after #`)
  .regex(CHANNEL_PATTERN, "a channel name is # followed by letters, digits, _ or -");

/** Where a message goes: a channel, or a nick for a direct message. */
export const targetSchema = z.union([channelNameSchema, nickSchema]);

export const passwordSchema = z
  .string()
  .min(limits.passwordMinLength, `a password has at least ${limits.passwordMinLength} characters`)
  .max(limits.passwordMaxLength)
  .regex(WELL_FORMED_PATTERN, WELL_FORMED_MESSAGE);

/**
 * Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides. A terminal
 * obeys the first (escape sequences can move the cursor, recolour or rewrite the screen of
 * everyone reading), and the second make text display in another order than it was written.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_TEXT_PATTERN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Text free of them, as a whole-string pattern so the generated JSON Schemas carry it too. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SAFE_TEXT_PATTERN = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/;
export const hasUnsafeCharacters = (s: string): boolean => UNSAFE_TEXT_PATTERN.test(s) || !WELL_FORMED_PATTERN.test(s);

/**
 * Any other string the server stores or looks up (ids, a login's name, a command's name): of at
 * most `max` characters, well-formed, and without NUL, which no PostgreSQL text can hold.
 */
export const wellFormedStringSchema = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .regex(WELL_FORMED_PATTERN, WELL_FORMED_MESSAGE)
    // eslint-disable-next-line no-control-regex -- matching NUL is the point
    .regex(/^[^\u0000]*$/, "a NUL character is not allowed");

/** Free text shown to others: at most `max` characters, no control characters, valid Unicode. */
export const plainTextSchema = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .regex(WELL_FORMED_PATTERN, WELL_FORMED_MESSAGE)
    .regex(SAFE_TEXT_PATTERN, "control characters and bidirectional overrides are not allowed (tab and newline are)");

/** Non-blank text of at most `max` characters, without control characters. */
export const textSchema = (max: number) =>
  plainTextSchema(max).refine((s) => s.trim().length > 0, "text cannot be blank");

export const reasonSchema = plainTextSchema(limits.reasonMaxLength);
export const topicSchema = plainTextSchema(limits.topicMaxLength);
export const clientIdSchema = z
  .string()
  .min(1)
  .max(limits.clientIdMaxLength)
  .regex(/^[A-Za-z0-9_-]+$/, "a client id holds only letters, digits, _ and -");
/** A file's id, as the upload answered it. */
export const fileIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "a file id holds only letters, digits, _ and -");
/** Largest seq: the databases store seqs as 32-bit integers, and no conversation comes near it. */
export const SEQ_MAX = 2 ** 31 - 1;
export const seqSchema = z.number().int().nonnegative().max(SEQ_MAX, `a seq is at most ${SEQ_MAX}`);
export const isoDateSchema = z.iso.datetime();

export const isChannelName = (s: string): boolean => CHANNEL_PATTERN.test(s);

/** A reaction: exactly one emoji (one grapheme cluster), as `isOneEmoji` decides. */
export const emojiSchema = z
  .string()
  .max(64)
  .refine((s) => isOneEmoji(s), "a reaction is exactly one emoji");
