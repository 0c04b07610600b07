import { z } from "zod";
import { limits } from "./limits";

/** IRC-style nick: starts with a letter; letters, digits and `_-[]\^{}|` follow. */
export const NICK_PATTERN = /^[A-Za-z][A-Za-z0-9_\-[\]\\^{}|]*$/;
/** `#` then letters, digits, `_` or `-`. */
export const CHANNEL_PATTERN = /^#[A-Za-z0-9_-]+$/;

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
  .max(limits.passwordMaxLength);

/** Non-blank text of at most `max` characters. */
export const textSchema = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((s) => s.trim().length > 0, "text cannot be blank");

export const reasonSchema = z.string().max(limits.reasonMaxLength);
export const clientIdSchema = z
  .string()
  .min(1)
  .max(limits.clientIdMaxLength)
  .regex(/^[A-Za-z0-9_-]+$/, "a client id holds only letters, digits, _ and -");
export const seqSchema = z.number().int().nonnegative();
export const isoDateSchema = z.iso.datetime();

export const isChannelName = (s: string): boolean => CHANNEL_PATTERN.test(s);
