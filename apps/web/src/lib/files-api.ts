import { fileLink } from "@canaduck/client";
import type { ChatError } from "@canaduck/contract";

export type FileVariant = "original" | "thumbnail";

/** Where a shared file is served; the server checks membership on every request. */
export const fileUrl = (fileId: string, variant: FileVariant = "original", origin = window.location.origin): string =>
  `${fileLink(origin, fileId)}${variant === "thumbnail" ? "/thumbnail" : ""}`;

/** The upload route of a conversation: a channel by name, else the direct conversation with a nick. */
export const uploadUrl = (target: string, name: string, origin = window.location.origin): string => {
  const where = target.startsWith("#")
    ? `/channels/${encodeURIComponent(target.slice(1))}`
    : `/direct/${encodeURIComponent(target)}`;
  return `${origin}/api/v1${where}/files?name=${encodeURIComponent(name)}`;
};

const refusalOf = (status: number, text: string): ChatError => {
  try {
    const problem = JSON.parse(text) as { code?: unknown; detail?: unknown };
    if (typeof problem.code === "string" && typeof problem.detail === "string")
      return { code: problem.code as ChatError["code"], message: problem.detail };
  } catch {
    // Not a problem document: a proxy's page, say.
  }
  return { code: "UNAVAILABLE", message: `The upload failed (HTTP ${status}).` };
};

/**
 * Uploads one file with XMLHttpRequest, whose upload events give a progress bar (fetch has none
 * for request bodies yet). Resolves with null once the line is posted, or the coded refusal.
 */
export function uploadFile(
  target: string,
  file: File,
  token: string,
  onProgress: (loaded: number, total: number) => void,
): Promise<ChatError | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", uploadUrl(target, file.name));
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve(xhr.status === 201 ? null : refusalOf(xhr.status, xhr.responseText));
    xhr.onerror = () => resolve({ code: "UNAVAILABLE", message: "The upload was cut off; try again." });
    xhr.send(file);
  });
}

/** A file's bytes as a blob URL: an <img> or a download cannot send the Bearer token itself. */
export async function fetchFileUrl(fileId: string, variant: FileVariant, token: string): Promise<string | null> {
  const response = await fetch(fileUrl(fileId, variant), { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) return null;
  return URL.createObjectURL(await response.blob());
}
