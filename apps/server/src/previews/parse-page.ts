/** What a page says about itself, as plain text (entities decoded, whitespace folded). */
export interface PageSummary {
  title: string;
  description: string;
  siteName: string;
  /** og:image resolved against the page's URL; null when none or not http(s). */
  image: string | null;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      // Controls, surrogates and beyond Unicode are dropped rather than decoded.
      const ok = code > 0x1f && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && code !== 0x7f;
      return ok ? String.fromCodePoint(code) : "";
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

// Control characters (tabs and newlines aside, which fold to spaces) never reach a preview.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const plain = (text: string): string => decodeEntities(text).replace(CONTROLS, "").replace(/\s+/g, " ").trim();

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function attributesOf(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1]?.toLowerCase();
    if (name !== undefined && !found.has(name)) found.set(name, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return found;
}

/**
 * The head of an HTML page read for Open Graph properties (og:title, og:description,
 * og:site_name, og:image), falling back to <title> and the meta description. Nothing of the
 * page is kept as markup: the values are text, and the clients render them as text.
 */
export function parsePage(html: string, pageUrl: string): PageSummary {
  // Comments, scripts and styles may hold anything that looks like a tag.
  const cleaned = html.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "");
  const headEnd = cleaned.search(/<\/head\s*>|<body\b/i);
  const head = headEnd === -1 ? cleaned : cleaned.slice(0, headEnd);
  const meta = new Map<string, string>();
  for (const tag of head.matchAll(/<meta\b([^>]*)>/gi)) {
    const attributes = attributesOf(tag[1] ?? "");
    const key = (attributes.get("property") ?? attributes.get("name") ?? "").toLowerCase();
    const content = attributes.get("content");
    if (key !== "" && content !== undefined && !meta.has(key)) meta.set(key, plain(content));
  }
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(head);
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k) ?? "").find((v) => v !== "") ?? "";
  return {
    title: pick("og:title", "twitter:title") || plain(titleTag?.[1] ?? ""),
    description: pick("og:description", "twitter:description", "description"),
    siteName: pick("og:site_name"),
    image: imageUrl(pick("og:image", "og:image:url", "og:image:secure_url", "twitter:image"), pageUrl),
  };
}

function imageUrl(raw: string, pageUrl: string): string | null {
  if (raw === "") return null;
  try {
    const url = new URL(raw, pageUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
