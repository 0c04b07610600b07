import { memo, useMemo, type ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { safeHref } from "../lib/safe-href";
import { remarkImagesAsText, remarkMentions, remarkNoHtml } from "../lib/remark-mentions";

/**
 * What a line may become: CommonMark and GFM's marks, never images (they are turned back into
 * text before this list is even checked) or raw HTML (shown as the text it is); headings read as paragraphs.
 */
const ALLOWED = [
  "p",
  "br",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "a",
  "ul",
  "ol",
  "li",
  "hr",
  "mark",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  // Headings are allowed only to be rendered as plain paragraphs (see Heading).
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
];

function SafeLink({ href, children }: { href?: string; children?: ReactNode }) {
  const safe = href ? safeHref(href) : null;
  // Only http(s) links are followed; anything else reads as its text.
  if (safe === null) return <>{children}</>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow ugc">
      {children}
    </a>
  );
}

const Paragraph = ({ children }: { children?: ReactNode }) => <p>{children}</p>;
/** In a /me line the text runs on after the nick, so its first paragraph stays inline. */
const InlineParagraph = ({ children }: { children?: ReactNode }) => <span className="md-inline">{children}</span>;
const Heading = ({ children }: { children?: ReactNode }) => <p>{children}</p>;

const blockComponents: Components = {
  a: SafeLink,
  p: Paragraph,
  h1: Heading,
  h2: Heading,
  h3: Heading,
  h4: Heading,
  h5: Heading,
  h6: Heading,
};
const inlineComponents: Components = { ...blockComponents, p: InlineParagraph };

interface MessageTextProps {
  text: string;
  /** The reader's nick, marked where the text names it; null marks nothing. */
  myName: string | null;
  /** Render inside a sentence (a /me line) rather than as a block of paragraphs. */
  inline?: boolean;
}

/**
 * User text through a CommonMark library (react-markdown with GFM): React elements, never
 * innerHTML; raw HTML in the text is shown as text, links are http(s) only and open apart. The
 * text is isolated (dir="auto"): its direction comes from its own first strong letter, and the
 * marks it may carry (RLM, ALM…) cannot reorder the nick, time or marks beside it.
 */
export const MessageText = memo(function MessageText({ text, myName, inline = false }: MessageTextProps) {
  const plugins = useMemo(
    () => [remarkNoHtml, remarkGfm, remarkImagesAsText(text), remarkMentions(myName)],
    [text, myName],
  );
  const markdown = (
    <Markdown
      remarkPlugins={plugins}
      allowedElements={ALLOWED}
      unwrapDisallowed
      skipHtml={false}
      components={inline ? inlineComponents : blockComponents}
    >
      {text}
    </Markdown>
  );
  return inline ? (
    <bdi className="user-text">{markdown}</bdi>
  ) : (
    <div className="user-text" dir="auto">
      {markdown}
    </div>
  );
});
