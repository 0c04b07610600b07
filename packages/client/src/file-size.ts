/** "1.4 MB": a file's size as people read it, the same in every client. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit] ?? "GB"}`;
}

/** Where a shared file is served: members only, the server checks on every request. */
export const fileLink = (server: string, fileId: string): string =>
  `${server.replace(/\/+$/, "")}/api/v1/files/${encodeURIComponent(fileId)}`;
