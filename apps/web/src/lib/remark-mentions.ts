import { mentionSpans } from "@canaduck/client";
import type { Options } from "react-markdown";

type RemarkPlugin = NonNullable<Options["remarkPlugins"]>[number];

/** The little of a markdown syntax tree this plugin reads: nodes with children, and text nodes. */
interface TreeNode {
  type: string;
  value?: string;
  children?: TreeNode[];
  data?: { hName?: string; hProperties?: Record<string, unknown> };
}

/** Nodes whose text is literal: a nick inside code or a link is not marked. */
const SKIP = new Set(["inlineCode", "code", "link", "linkReference"]);

function splitText(value: string, nick: string): TreeNode[] {
  const parts: TreeNode[] = [];
  let last = 0;
  for (const { start, end } of mentionSpans(value, nick)) {
    if (start > last) parts.push({ type: "text", value: value.slice(last, start) });
    parts.push({
      type: "mention",
      data: { hName: "mark", hProperties: { className: ["mention"] } },
      children: [{ type: "text", value: value.slice(start, end) }],
    });
    last = end;
  }
  if (last < value.length) parts.push({ type: "text", value: value.slice(last) });
  return parts;
}

function walk(node: TreeNode, nick: string): void {
  if (!node.children || SKIP.has(node.type)) return;
  node.children = node.children.flatMap((child) => {
    if (child.type === "text" && child.value) return splitText(child.value, nick);
    walk(child, nick);
    return [child];
  });
}

/**
 * A remark plugin that marks the reader's nick in said text, by the same rule that counts and
 * rings mentions (the contract's mentionSpans), as `<mark class="mention">`.
 */
export function remarkMentions(nick: string | null) {
  return () => (tree: TreeNode) => {
    if (nick) walk(tree, nick);
  };
}

/** Turns markdown images back into the text the user typed: a chat line never loads an image. */
export function remarkImagesAsText(source: string) {
  return () => (tree: TreeNode) => {
    const visit = (node: TreeNode) => {
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if (child.type === "image" || child.type === "imageReference") {
          const position = (child as { position?: { start: { offset?: number }; end: { offset?: number } } }).position;
          const raw = position ? source.slice(position.start.offset ?? 0, position.end.offset ?? 0) : "";
          return { type: "text", value: raw };
        }
        visit(child);
        return child;
      });
    };
    visit(tree);
  };
}

/**
 * Raw HTML off at the parser: `<b>` and `<script>` are read as the text they are, so they neither
 * render nor swallow the markdown around them (an HTML block would hide a link on its line).
 */
export const remarkNoHtml: RemarkPlugin = function remarkNoHtml(this: unknown) {
  // `this` is the unified processor; its data carries the parser's (micromark's) extensions.
  const data = (this as { data: () => { micromarkExtensions?: unknown[] } }).data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ["htmlFlow", "htmlText"] } });
};
