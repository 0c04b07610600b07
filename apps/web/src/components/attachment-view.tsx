import { formatFileSize } from "@canaduck/client";
import type { Attachment } from "@canaduck/contract";
import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { useChat } from "../lib/chat-context";
import { fetchFileUrl, type FileVariant } from "../lib/files-api";
import { Modal } from "./modal";

/**
 * Blob URLs of the files this page has fetched, kept for the page's life: a row that remounts
 * (scrolling, a reconnect) shows its image at once instead of fetching it again, and no URL is
 * revoked while an <img> may still show it.
 */
const fetched = new Map<string, Promise<string | null>>();

/** A file's bytes as a blob URL (an <img> cannot send the Bearer token itself), or null until there. */
export function useFileUrl(fileId: string, variant: FileVariant): string | null {
  const { tokens } = useChat();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const token = tokens.load();
    if (token === null) return;
    const key = `${fileId} ${variant}`;
    let pending = fetched.get(key);
    if (!pending) {
      pending = fetchFileUrl(fileId, variant, token);
      fetched.set(key, pending);
      // A failure is not kept: the next showing tries again.
      void pending.then((u) => u === null && fetched.delete(key));
    }
    let live = true;
    void pending.then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [fileId, variant, tokens]);
  return url;
}

function FullImage({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const url = useFileUrl(attachment.fileId, "original");
  return (
    <Modal title={attachment.name} onClose={onClose} className="image-modal">
      {url ? <img className="image-full" src={url} alt={attachment.name} /> : <p role="status">Loading…</p>}
    </Modal>
  );
}

function ImageAttachment({ attachment }: { attachment: Attachment }) {
  const thumbnail = useFileUrl(attachment.fileId, "thumbnail");
  const [open, setOpen] = useState(false);
  const ratio = attachment.width && attachment.height ? attachment.width / attachment.height : 4 / 3;
  return (
    <>
      <button
        type="button"
        className="attachment-image"
        aria-label={`Open ${attachment.name} full size`}
        onClick={() => setOpen(true)}
        style={{ aspectRatio: String(ratio) }}
      >
        {thumbnail && <img src={thumbnail} alt={attachment.name} />}
      </button>
      {/* Out of the message list, whose containment would clip a fixed dialog to its own box. */}
      {open && createPortal(<FullImage attachment={attachment} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function FileCard({ attachment }: { attachment: Attachment }) {
  const { tokens } = useChat();
  const [failed, setFailed] = useState(false);
  const download = async () => {
    const token = tokens.load();
    const url = token === null ? null : await fetchFileUrl(attachment.fileId, "original", token);
    setFailed(url === null);
    if (url === null) return;
    const link = document.createElement("a");
    link.href = url;
    link.download = attachment.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div className="file-card">
      <span className="file-card-icon" aria-hidden="true">
        📄
      </span>
      <span className="file-card-text">
        <span className="file-card-name">{attachment.name}</span>
        <span className="file-card-meta">
          {formatFileSize(attachment.size)} · {attachment.type}
        </span>
      </span>
      <button
        type="button"
        className="button"
        onClick={() => void download()}
        aria-label={`Download ${attachment.name}`}
      >
        Download
      </button>
      {failed && <span role="alert">That file is no longer available.</span>}
    </div>
  );
}

/** A shared file in a line: an image as its thumbnail (full size on click), anything else as a card. */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  return attachment.hasThumbnail ? <ImageAttachment attachment={attachment} /> : <FileCard attachment={attachment} />;
}
