/**
 * IRC message lines (RFC 1459/2812 framing with IRCv3 message tags): parsing what a client
 * sends and serializing what the server sends. No sockets here; the connection feeds bytes in.
 */

/** The body of a line (source, command, parameters, CR LF) may take at most 512 bytes. */
export const MAX_BODY_BYTES = 512;
/** The tag section ("@" … up to and including its space) may take at most 8,191 bytes (IRCv3). */
export const MAX_TAG_BYTES = 8191;

export type TagValue = string | true;

export interface IrcMessage {
  tags: Record<string, TagValue>;
  source?: string;
  command: string;
  params: string[];
}

export type ParseError =
  "empty" | "line-too-long" | "tags-too-long" | "invalid-utf8" | "forbidden-character" | "no-command";

export type ParseResult = { ok: true; message: IrcMessage } | { ok: false; error: ParseError };

const utf8 = new TextDecoder("utf-8", { fatal: true });

const TAG_UNESCAPES: Record<string, string> = { ":": ";", s: " ", "\\": "\\", r: "\r", n: "\n" };

/** IRCv3 tag value unescaping: an unknown escape keeps its character, a lone trailing "\" is dropped. */
export function unescapeTagValue(value: string): string {
  return value.replace(/\\(.?)/gs, (_, ch: string) => (ch === "" ? "" : (TAG_UNESCAPES[ch] ?? ch)));
}

export function escapeTagValue(value: string): string {
  return value.replace(/[\\; \r\n]/g, (ch) =>
    ch === "\\" ? "\\\\" : ch === ";" ? "\\:" : ch === " " ? "\\s" : ch === "\r" ? "\\r" : "\\n",
  );
}

function parseTags(section: string): Record<string, TagValue> {
  const tags: Record<string, TagValue> = {};
  for (const item of section.split(";")) {
    if (item === "") continue;
    const eq = item.indexOf("=");
    const key = eq === -1 ? item : item.slice(0, eq);
    const raw = eq === -1 ? "" : item.slice(eq + 1);
    // A key without a value, or with an empty one, is the same as a present flag.
    tags[key] = raw === "" ? true : unescapeTagValue(raw);
  }
  return tags;
}

/**
 * One line as received, without its line ending. Sizes are checked on bytes before decoding,
 * and invalid UTF-8 is refused rather than replaced: a replaced character would be stored as
 * something the user never sent.
 */
export function parseLine(bytes: Uint8Array): ParseResult {
  let start = 0;
  let tagSection = "";
  if (bytes[0] === 0x40 /* @ */) {
    const space = bytes.indexOf(0x20);
    const tagEnd = space === -1 ? bytes.length : space;
    if (tagEnd + 1 > MAX_TAG_BYTES) return { ok: false, error: "tags-too-long" };
    start = tagEnd + 1;
  }
  while (bytes[start] === 0x20) start++;
  // The body's limit counts the CR LF the client sent after it.
  if (bytes.length - start + 2 > MAX_BODY_BYTES) return { ok: false, error: "line-too-long" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, error: "invalid-utf8" };
  }
  if (text.includes("\0") || text.includes("\r") || text.includes("\n")) {
    // CR, LF or NUL inside a line is smuggling: a second command hidden in a parameter.
    return { ok: false, error: "forbidden-character" };
  }
  let rest = text;
  if (rest.startsWith("@")) {
    const space = rest.indexOf(" ");
    tagSection = space === -1 ? rest.slice(1) : rest.slice(1, space);
    rest = space === -1 ? "" : rest.slice(space + 1);
  }
  rest = rest.replace(/^ +/, "");
  if (rest === "") return { ok: false, error: tagSection === "" ? "empty" : "no-command" };
  let source: string | undefined;
  if (rest.startsWith(":")) {
    const space = rest.indexOf(" ");
    if (space === -1) return { ok: false, error: "no-command" };
    source = rest.slice(1, space);
    rest = rest.slice(space + 1).replace(/^ +/, "");
  }
  const params: string[] = [];
  let command = "";
  while (rest !== "") {
    if (command !== "" && rest.startsWith(":")) {
      params.push(rest.slice(1));
      break;
    }
    const space = rest.indexOf(" ");
    const word = space === -1 ? rest : rest.slice(0, space);
    rest = space === -1 ? "" : rest.slice(space + 1).replace(/^ +/, "");
    if (command === "") command = word.toUpperCase();
    else params.push(word);
  }
  if (command === "") return { ok: false, error: "no-command" };
  const message: IrcMessage = { tags: parseTags(tagSection), command, params };
  if (source !== undefined) message.source = source;
  return { ok: true, message };
}

export class SerializeError extends Error {}

/**
 * A line to send, with its CR LF. A parameter holding CR, LF or NUL is refused, so text from
 * another transport can never inject a line; only the last parameter may hold spaces or
 * start with ":". A body over 512 bytes has its last parameter cut at a character boundary.
 */
export function serialize(message: IrcMessage): string {
  const { params } = message;
  params.forEach((param, i) => {
    if (/[\r\n\0]/.test(param)) throw new SerializeError(`parameter ${i} holds a line break or NUL`);
    const last = i === params.length - 1;
    if (!last && (param === "" || param.includes(" ") || param.startsWith(":"))) {
      throw new SerializeError(`parameter ${i} must be the last one`);
    }
  });
  const tagEntries = Object.entries(message.tags);
  const tagPart =
    tagEntries.length === 0
      ? ""
      : "@" + tagEntries.map(([k, v]) => (v === true ? k : `${k}=${escapeTagValue(v)}`)).join(";") + " ";
  const head = (message.source ? `:${message.source} ` : "") + message.command;
  const middle = params
    .slice(0, -1)
    .map((p) => ` ${p}`)
    .join("");
  let body = head + middle;
  if (params.length > 0) {
    const lastParam = params[params.length - 1] as string;
    const needsColon = lastParam === "" || lastParam.includes(" ") || lastParam.startsWith(":");
    const prefix = needsColon ? " :" : " ";
    const room = MAX_BODY_BYTES - 2 - Buffer.byteLength(body + prefix);
    body += prefix + truncateUtf8(lastParam, Math.max(room, 0));
  }
  return tagPart + body + "\r\n";
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/**
 * Splits a TCP byte stream into lines (LF, with an optional CR before it). A line longer than
 * the limits is not buffered without bound: once the buffer passes them, bytes are dropped up
 * to the next LF and the line is reported as too long.
 */
export class LineSplitter {
  private chunks: Buffer[] = [];
  private size = 0;
  private overflowing = false;

  constructor(private readonly maxLineBytes = MAX_TAG_BYTES + MAX_BODY_BYTES) {}

  /** Feeds bytes; returns each complete line (bytes without line ending) or "too-long". */
  push(data: Buffer): Array<Buffer | "too-long"> {
    const out: Array<Buffer | "too-long"> = [];
    let from = 0;
    while (from < data.length) {
      const lf = data.indexOf(0x0a, from);
      const piece = data.subarray(from, lf === -1 ? data.length : lf);
      if (!this.overflowing) {
        this.chunks.push(piece);
        this.size += piece.length;
        if (this.size > this.maxLineBytes) {
          this.overflowing = true;
          this.chunks = [];
          this.size = 0;
        }
      }
      if (lf === -1) break;
      if (this.overflowing) out.push("too-long");
      else {
        let line = Buffer.concat(this.chunks);
        if (line[line.length - 1] === 0x0d) line = line.subarray(0, -1);
        if (line.length > 0) out.push(line);
      }
      this.chunks = [];
      this.size = 0;
      this.overflowing = false;
      from = lf + 1;
    }
    return out;
  }
}
