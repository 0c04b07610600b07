import { tokenScopes, type TokenScope } from "../tokens";
import { invalidArgument } from "./build-support";
import type { ParseFailure } from "./parse-errors";

/** What `/token create name` gets with no scope named: enough for a bot to read and talk. */
export const defaultTokenScopes: readonly TokenScope[] = ["read", "write"];

const isScope = (word: string): word is TokenScope => (tokenScopes as readonly string[]).includes(word);
const BOT_PREFIX = "bot:";

/** The words after `/token create name` (or `/token list`): scopes, and `bot:nick` for a bot's tokens. */
export function tokenOptions(
  words: readonly string[],
): { ok: true; scopes: TokenScope[]; bot?: string } | ParseFailure {
  const scopes: TokenScope[] = [];
  let bot: string | undefined;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower.startsWith(BOT_PREFIX)) {
      bot = word.slice(BOT_PREFIX.length);
      continue;
    }
    if (!isScope(lower))
      return invalidArgument("token", `scope "${word}"`, `a scope is one of ${tokenScopes.join(", ")}`);
    if (!scopes.includes(lower)) scopes.push(lower);
  }
  return bot === undefined ? { ok: true, scopes } : { ok: true, scopes, bot };
}
