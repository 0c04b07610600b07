import { linkify } from "../lib/linkify";

/** User text as text nodes and safe http(s) links; the reader's nick is marked. Never markup from the text. */
export function MessageText({ text, myName }: { text: string; myName: string | null }) {
  return (
    <>
      {linkify(text, myName).map((part, i) => {
        if (part.kind === "link") {
          return (
            <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc">
              {part.text}
            </a>
          );
        }
        if (part.kind === "mention") {
          return (
            <mark key={i} className="mention">
              {part.text}
            </mark>
          );
        }
        return part.text;
      })}
    </>
  );
}
