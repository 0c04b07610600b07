import { z } from "zod";
import { userRefSchema } from "./models";
import { isoDateSchema, wellFormedStringSchema } from "./primitives";

/**
 * What an API token may do; a password login may do all of it (that the account may do).
 * read: see (state, history, search, who, whois); write: say and change your own things (send,
 * edit, react, join, part, away, settings); moderate: act on others in a channel (kick, ban,
 * op, mode, topic, invite, its audit log); admin: the server admin commands.
 */
export const tokenScopes = ["read", "write", "moderate", "admin"] as const;
export const tokenScopeSchema = z.enum(tokenScopes);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** Longest a token lives; also its lifetime when token:create names none. */
export const tokenMaxDays = 3650;
export const tokenDefaultDays = 365;

export const tokenNameSchema = wellFormedStringSchema(64).min(1, "a token needs a name");

/** An API token as its owner lists it: never its secret, which token:create shows once. */
export const tokenInfoSchema = z.object({
  /** Names the token for token:revoke; it is not the secret. */
  id: z.string(),
  name: z.string(),
  scopes: z.array(tokenScopeSchema),
  /** Whose token it is: the asker, or one of the asker's bots. */
  user: userRefSchema,
  createdAt: isoDateSchema,
  expiresAt: isoDateSchema,
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;
