import { errorText } from "@canaduck/client";
import { useId, useState, type FormEvent } from "react";
import { useChat } from "../lib/chat-context";
import type { ComposerError } from "./composer";
import { ErrorMessage } from "./error-message";
import { Modal } from "./modal";

export type ModerationAction = "kick" | "ban" | "op" | "deop";

const durations = [
  { label: "10 minutes", seconds: 600 },
  { label: "1 hour", seconds: 3_600 },
  { label: "1 day", seconds: 86_400 },
  { label: "1 week", seconds: 604_800 },
  { label: "For good", seconds: 0 },
];

const titles: Record<ModerationAction, (nick: string, channel: string) => string> = {
  kick: (n, c) => `Kick ${n} from ${c}`,
  ban: (n, c) => `Ban ${n} from ${c}`,
  op: (n, c) => `Make ${n} an operator of ${c}`,
  deop: (n, c) => `Make ${n} a plain member of ${c}`,
};

/** Confirms a moderation action, with a reason (and for a ban, how long); the server checks the right to do it. */
export function ModerationDialog({
  channel,
  nick,
  action,
  onDone,
}: {
  channel: string;
  nick: string;
  action: ModerationAction;
  onDone: () => void;
}) {
  const { client } = useChat();
  const [reason, setReason] = useState("");
  const [duration, setDuration] = useState(600);
  const [error, setError] = useState<ComposerError | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { reason: useId(), duration: useId() };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const why = reason.trim() === "" ? {} : { reason: reason.trim() };
    const ack =
      action === "kick"
        ? await client.request("channel:kick", { channel, nick, ...why }, true)
        : action === "ban"
          ? await client.request(
              "channel:ban",
              { channel, nick, ...why, ...(duration > 0 ? { durationSeconds: duration } : {}) },
              true,
            )
          : await client.request(action === "op" ? "channel:op" : "channel:deop", { channel, nick }, true);
    setBusy(false);
    if (ack.ok) onDone();
    else setError(ack.error);
  };

  return (
    <Modal title={titles[action](nick, channel)} onClose={onDone}>
      <form onSubmit={(e) => void submit(e)} className="moderation-form">
        {action === "ban" && (
          <>
            <label htmlFor={ids.duration}>How long</label>
            <select id={ids.duration} value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
              {durations.map((d) => (
                <option key={d.seconds} value={d.seconds}>
                  {d.label}
                </option>
              ))}
            </select>
          </>
        )}
        {(action === "kick" || action === "ban") && (
          <>
            <label htmlFor={ids.reason}>Reason (optional, everyone in the channel sees it)</label>
            <input id={ids.reason} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </>
        )}
        {error && <ErrorMessage {...errorText(error)} code={error.code} />}
        <div className="modal-actions">
          <button type="button" className="button subtle" onClick={onDone}>
            Cancel
          </button>
          <button
            type="submit"
            className={action === "kick" || action === "ban" ? "button danger-solid" : "button primary"}
            disabled={busy}
          >
            {action === "kick" ? "Kick" : action === "ban" ? "Ban" : "Confirm"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
