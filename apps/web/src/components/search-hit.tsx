import { searchExcerpt, type SearchHit } from "@canaduck/client/search";
import { isChannelName, type SearchTerm } from "@canaduck/contract";
import { useMemo } from "react";
import { fullTime } from "../lib/format-time";
import { HighlightedText } from "./highlighted-text";

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** Where a hit was said, as the sidebar names it: #channel, or @nick for a direct conversation. */
export const conversationLabel = (target: string): string => (isChannelName(target) ? target : `@${target}`);

/** One result: its conversation, author and time, and its text with the matched words marked. */
export function SearchHitView({ hit, terms }: { hit: SearchHit; terms: readonly SearchTerm[] }) {
  const { message } = hit;
  const parts = useMemo(() => searchExcerpt(message.text, terms), [message.text, terms]);
  const author = message.author?.name ?? "server";
  return (
    <>
      <span className="search-hit-head">
        <span className="search-hit-where">{conversationLabel(hit.target)}</span>
        <span className="search-hit-author">{author}</span>
        <time dateTime={message.createdAt} title={fullTime(message.createdAt)}>
          {dateTime.format(new Date(message.createdAt))}
        </time>
        {message.editedAt && <span className="muted">(edited)</span>}
      </span>
      <span className="search-hit-text">
        {message.kind === "action" && `* ${author} `}
        <HighlightedText parts={parts} />
      </span>
    </>
  );
}
