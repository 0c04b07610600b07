import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { sanitize } from "./sanitize";
import type { Segment } from "./segments";

type Style = Omit<Segment, "text">;

/** How code looks: a colour where colour is allowed; code blocks are indented as well, so they stand out without. */
const codeStyle: Style = { color: "yellow" };
const CODE_INDENT = "  ";
const QUOTE_MARK = "│ ";

/** The source text a node was parsed from: blocks the terminal draws as typed (headings, lists, tables, raw HTML). */
const sourceOf = (node: Nodes, text: string): string =>
  text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

function inline(nodes: readonly PhrasingContent[], style: Style, text: string): Segment[] {
  return nodes.flatMap((node): Segment[] => {
    switch (node.type) {
      case "text":
        return [{ ...style, text: node.value }];
      case "strong":
        return inline(node.children, { ...style, bold: true }, text);
      case "emphasis":
        return inline(node.children, { ...style, italic: true }, text);
      case "delete":
        return inline(node.children, { ...style, strikethrough: true }, text);
      case "inlineCode":
        return [{ ...style, ...codeStyle, text: node.value }];
      case "break":
        return [{ ...style, text: "\n" }];
      case "link": {
        const label = inline(node.children, style, text);
        const shown = label.map((s) => s.text).join("");
        // The address is part of what was said: shown after the label when it differs, never opened.
        return shown === node.url ? label : [...label, { ...style, dim: true, text: ` <${node.url}>` }];
      }
      default:
        // Raw HTML, images, references: drawn as typed, never interpreted.
        return [{ ...style, text: sourceOf(node, text) }];
    }
  });
}

/** Prefixes every row of a block (code indent, quote bar), keeping the block's own styles. */
function prefixRows(segments: Segment[], prefix: Segment): Segment[] {
  const out: Segment[] = [prefix];
  for (const segment of segments) {
    const parts = segment.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) out.push({ text: "\n" }, prefix);
      if (part) out.push({ ...segment, text: part });
    });
  }
  return out;
}

function block(node: RootContent, style: Style, text: string): Segment[] {
  switch (node.type) {
    case "paragraph":
      return inline(node.children, style, text);
    case "code":
      return prefixRows([{ ...style, ...codeStyle, text: node.value }], { text: CODE_INDENT });
    case "blockquote":
      return prefixRows(blocks(node.children, { ...style, italic: true }, text), { text: QUOTE_MARK, dim: true });
    default:
      return [{ ...style, text: sourceOf(node, text) }];
  }
}

/** Blocks one after another, with as many line breaks between them as the source had. */
function blocks(nodes: readonly RootContent[], style: Style, text: string): Segment[] {
  const out: Segment[] = [];
  nodes.forEach((node, i) => {
    const previous = nodes[i - 1];
    if (previous) {
      const gap = (node.position?.start.line ?? 0) - (previous.position?.end.line ?? 0);
      out.push({ text: "\n".repeat(Math.max(1, gap)) });
    }
    out.push(...block(node, style, text));
  });
  return out;
}

/**
 * One line with nothing CommonMark gives a meaning to: no emphasis, code, link, HTML, entity or
 * escape character anywhere, no block mark (heading, quote, list, break) at its start and no
 * space at either end (a paragraph drops those). Most chat lines are such, and skip the parser.
 */
const PLAIN = /^[^\s#>+\-=\d*_~`[\]<&\\][^\n*_~`[\]<&\\]*$/;
export const isPlainText = (text: string): boolean => PLAIN.test(text) && !/\s$/.test(text);

/**
 * Said text with its CommonMark marks drawn as terminal styles: **bold**, *italic*, ~~strike~~,
 * `code`, fenced code blocks (indented, in the code colour) and > quotes (behind a bar). Parsed by
 * mdast-util-from-markdown, never by hand; nothing in it is executed or opened, and raw HTML and
 * other blocks are shown as typed. Control characters are removed before and after parsing.
 */
export function markdownSegments(said: string, style: Style = {}): Segment[] {
  const text = sanitize(said);
  if (isPlainText(text)) return [{ ...style, text }];
  const tree: Root = fromMarkdown(text, {
    extensions: [gfmStrikethrough()],
    mdastExtensions: [gfmStrikethroughFromMarkdown()],
  });
  return blocks(tree.children, style, text)
    .map((s) => ({ ...s, text: sanitize(s.text) }))
    .filter((s) => s.text !== "");
}
