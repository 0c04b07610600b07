import type { ExcerptPart } from "@canaduck/client/search";

/** A found line's pieces as text nodes, the matched ones in <mark>: React escapes them, nothing is parsed as HTML. */
export function HighlightedText({ parts }: { parts: readonly ExcerptPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.mark ? (
          <mark key={i} className="search-mark">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
