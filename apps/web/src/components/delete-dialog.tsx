import { errorText } from "@canaduck/client";
import type { ChatError, Message } from "@canaduck/contract";
import { replyExcerpt } from "@canaduck/contract";
import { useState } from "react";
import { systemLine } from "../lib/system-line";
import { ErrorMessage } from "./error-message";
import { Modal } from "./modal";

interface DeleteDialogProps {
  message: Message;
  myId: string;
  /** Deletes the line; resolves with a refusal to show, or null once it is gone. */
  onConfirm: () => Promise<ChatError | null>;
  onClose: () => void;
}

/** The confirm step before a line is deleted for everyone: it says whose line and which. */
export function DeleteDialog({ message, myId, onConfirm, onClose }: DeleteDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ChatError | null>(null);
  const own = message.author?.id === myId;
  const whose = own ? "your message" : `${message.author?.name ?? "the server"}'s message`;
  const quoted = systemLine(message) ?? replyExcerpt(message.text);

  const confirm = async () => {
    setBusy(true);
    const failure = await onConfirm();
    setBusy(false);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <Modal title="Delete message" onClose={onClose}>
      <p>Delete {whose} for everyone? Its text is removed from the server and cannot be brought back.</p>
      <blockquote className="delete-quote">{quoted}</blockquote>
      {error && <ErrorMessage {...errorText(error)} code={error.code} />}
      <div className="modal-actions">
        <button type="button" className="button subtle" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button danger" disabled={busy} onClick={() => void confirm()}>
          Delete
        </button>
      </div>
    </Modal>
  );
}
