import type { ClientEventResult, TokenInfo } from "@canaduck/contract";

type TokenEvent = "token:create" | "token:list" | "token:revoke" | "bot:create" | "bot:list";
type R<E extends TokenEvent> = ClientEventResult<E>;

const day = (iso: string) => iso.slice(0, 10);
const minute = (iso: string) => iso.slice(0, 16).replace("T", " ");

/** Said with a new token's secret, which is shown beside it (a copyable field on the web). */
export const shownOnceText = "It will not be shown again: copy it now.";

/** The one-line text of a new token, without its secret (the client shows that on its own). */
export function newTokenText({ info }: R<"token:create">): string {
  return `API token "${info.name}" for ${info.user.name} (${info.scopes.join(", ")}), until ${day(info.expiresAt)}. ${shownOnceText}`;
}

const tokenRow = (t: TokenInfo) =>
  `  ${t.name}  ${t.scopes.join(" ")}  made ${minute(t.createdAt)}, until ${day(t.expiresAt)}  id ${t.id.slice(0, 8)}`;

/** What /token and /bot answer, as plain text. */
export function describeTokenResult(event: TokenEvent, data: unknown): string {
  switch (event) {
    case "token:create":
      return newTokenText(data as R<"token:create">);
    case "token:list": {
      const { tokens } = data as R<"token:list">;
      if (tokens.length === 0) return "No API tokens: /token create name [scopes] makes one.";
      const whose = tokens[0]?.user.name ?? "";
      return [`API tokens of ${whose} (/token revoke name|id):`, ...tokens.map(tokenRow)].join("\n");
    }
    case "token:revoke":
      return "Token revoked: whatever uses it is refused from its next request.";
    case "bot:create": {
      const { bot } = data as R<"bot:create">;
      return `Bot ${bot.name} made. Give it a token: /token create name read write bot:${bot.name}`;
    }
    case "bot:list": {
      const { bots } = data as R<"bot:list">;
      if (bots.length === 0) return "You have no bots: /bot create name makes one.";
      return ["Your bots (/token list bot:nick shows a bot's tokens):", ...bots.map((b) => `  ${b.name}`)].join("\n");
    }
  }
}
