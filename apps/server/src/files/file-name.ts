/** Longest file name kept; a longer one is cut, its extension kept. */
const NAME_MAX = 200;

/**
 * The uploader's file name as a line may show it: control, format and separator characters
 * become `_` (no path, no bidirectional tricks), and a name left empty is "file". Only ever
 * shown as text, and never used to decide the type.
 */
export function cleanFileName(raw: string | undefined): string {
  const cleaned = (raw ?? "").replace(/[\p{C}/\\]/gu, "_").trim();
  if (cleaned === "" || /^\.+$/.test(cleaned)) return "file";
  if (cleaned.length <= NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, NAME_MAX - ext.length) + ext;
}

/** A Content-Disposition header that names the file safely in any browser (RFC 6266, RFC 5987). */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
