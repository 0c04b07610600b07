import { errorText, formatFileSize } from "@canaduck/client";
import { ErrorMessage } from "./error-message";
import type { Upload } from "./use-uploads";

/** Files on their way: a progress bar each, or the reason one was refused. */
export function UploadList({ uploads, onDismiss }: { uploads: readonly Upload[]; onDismiss: (id: number) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-list" aria-label="Uploads">
      {uploads.map((u) => (
        <li key={u.id} className="upload">
          <span className="upload-name">{u.name}</span>
          {u.error ? (
            <>
              <ErrorMessage {...errorText(u.error)} code={u.error.code} />
              <button type="button" className="link-button" onClick={() => onDismiss(u.id)}>
                Dismiss
              </button>
            </>
          ) : (
            <>
              <progress max={Math.max(1, u.total)} value={u.loaded} aria-label={`Uploading ${u.name}`} />
              <span className="upload-size">
                {formatFileSize(u.loaded)} / {formatFileSize(u.total)}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
