import { fileLink, formatFileSize } from "@canaduck/client";
import type { Attachment } from "@canaduck/contract";
import { sanitize } from "./sanitize";
import type { Segment } from "./segments";

/** The server files are linked on: one per process, set at start as the clock is (format-time.ts). */
let server = "";

export function setFileServer(url: string): void {
  server = url;
}

/** A shared file as the terminal shows it: its name, size and type, and the link to fetch it with the token. */
export function fileSegments(attachment: Attachment): Segment[] {
  const size = formatFileSize(attachment.size);
  return [
    { text: "[file] ", dim: true },
    { text: sanitize(attachment.name), bold: true },
    { text: ` (${size}, ${sanitize(attachment.type)}) `, dim: true },
    { text: fileLink(server, attachment.fileId), color: "cyan" },
  ];
}
