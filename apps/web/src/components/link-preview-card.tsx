import type { LinkPreview } from "@canaduck/contract";
import { useChatState } from "../lib/chat-context";
import { safeHref } from "../lib/safe-href";
import { useFileUrl } from "./attachment-view";

function PreviewImage({ image, title }: { image: NonNullable<LinkPreview["image"]>; title: string }) {
  // Fetched from this server (the thumbnail it made), never from the third-party site.
  const url = useFileUrl(image.fileId, "original");
  return (
    <div className="link-preview-image" style={{ aspectRatio: `${image.width} / ${image.height}` }}>
      {url && <img src={url} alt={title} />}
    </div>
  );
}

/**
 * The card under a line whose first link the server previewed: all of it text (React escapes
 * it), the image a same-origin thumbnail. Hidden when the viewer turned link previews off.
 */
export function LinkPreviewCard({ preview }: { preview: LinkPreview }) {
  const shown = useChatState((s) => s.settings.linkPreviews);
  if (!shown) return null;
  const href = safeHref(preview.url);
  const title = href ? (
    <a className="link-preview-title" href={href} target="_blank" rel="noopener noreferrer nofollow">
      {preview.title}
    </a>
  ) : (
    <span className="link-preview-title">{preview.title}</span>
  );
  return (
    <div className="link-preview" data-testid="link-preview">
      <div className="link-preview-text">
        {preview.siteName && <span className="link-preview-site">{preview.siteName}</span>}
        {title}
        {preview.description && <span className="link-preview-description">{preview.description}</span>}
      </div>
      {preview.image && <PreviewImage image={preview.image} title={preview.title} />}
    </div>
  );
}
