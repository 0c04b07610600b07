import { errorText, mentions } from "@canaduck/client";
import type { Message } from "@canaduck/contract";
import { memo } from "react";
import { fullTime, shortTime } from "../lib/format-time";
import type { Row } from "../lib/message-rows";
import { systemLine } from "../lib/system-line";
import { Avatar } from "./avatar";
import { MessageText } from "./message-text";

export type ListRow = Row | { kind: "start"; key: string; name: string };

export interface RowHandlers {
  onAuthor: (name: string) => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

interface RowProps extends RowHandlers {
  row: ListRow;
  myName: string;
  myId: string;
}

function Time({ iso, className }: { iso: string; className?: string }) {
  return (
    <time className={className} dateTime={iso} title={fullTime(iso)}>
      {shortTime(iso)}
    </time>
  );
}

function Author({ name, myName, onAuthor }: { name: string; myName: string; onAuthor: (name: string) => void }) {
  if (name.toLowerCase() === myName.toLowerCase()) return <span className="author">{name}</span>;
  return (
    <button type="button" className="author" title={`Send ${name} a direct message`} onClick={() => onAuthor(name)}>
      {name}
    </button>
  );
}

function SaidLine({
  m,
  continued,
  myName,
  myId,
  onAuthor,
}: {
  m: Message;
  continued: boolean;
  myName: string;
  myId: string;
  onAuthor: (n: string) => void;
}) {
  const name = m.author?.name ?? "server";
  const mentioned = m.author?.id !== myId && mentions(m.text, myName);
  if (m.kind === "action") {
    return (
      <div className={mentioned ? "msg action mentions-me" : "msg action"} data-seq={m.seq}>
        <span className="gutter" aria-hidden="true">
          ✱
        </span>
        <p className="msg-text">
          <Author name={name} myName={myName} onAuthor={onAuthor} /> <MessageText text={m.text} myName={myName} />{" "}
          <Time iso={m.createdAt} className="inline-time" />
        </p>
      </div>
    );
  }
  return (
    <div
      className={["msg", continued ? "continued" : "", mentioned ? "mentions-me" : ""].join(" ").trim()}
      data-seq={m.seq}
    >
      {continued ? <Time iso={m.createdAt} className="gutter gutter-time" /> : <Avatar name={name} />}
      <div className="msg-body">
        {!continued && (
          <div className="msg-meta">
            <Author name={name} myName={myName} onAuthor={onAuthor} />
            <Time iso={m.createdAt} />
          </div>
        )}
        <p className="msg-text">
          <MessageText text={m.text} myName={myName} />
        </p>
      </div>
    </div>
  );
}

/** One row of the message list: said text, a /me action, a system line, a day divider or a pending send. */
export const MessageRow = memo(function MessageRow({ row, myName, myId, onAuthor, onRetry, onDiscard }: RowProps) {
  switch (row.kind) {
    case "start":
      return (
        <div className="channel-start">
          <p className="channel-start-title">{row.name}</p>
          <p>This is the very beginning of the conversation.</p>
        </div>
      );
    case "day":
      return (
        <div className="day-divider" role="separator" aria-label={row.label}>
          <span>{row.label}</span>
        </div>
      );
    case "pending": {
      const { send } = row;
      const failed = send.status === "failed";
      const problem = failed && send.error ? errorText(send.error) : null;
      return (
        <div className={failed ? "msg pending failed" : "msg pending"}>
          <span className="gutter" aria-hidden="true" />
          <div className="msg-body">
            <p className="msg-text">
              {send.action && <span className="author">{myName} </span>}
              <MessageText text={send.text} myName={null} />
            </p>
            <p className="pending-status">
              {failed ? (
                <>
                  <span role="alert">
                    Not sent. {problem?.headline} {problem?.detail}
                  </span>{" "}
                  <button type="button" className="link-button" onClick={() => onRetry(send.clientId)}>
                    Try again
                  </button>{" "}
                  <button type="button" className="link-button" onClick={() => onDiscard(send.clientId)}>
                    Discard
                  </button>
                </>
              ) : (
                "Sending…"
              )}
            </p>
          </div>
        </div>
      );
    }
    case "message": {
      const m = row.message;
      const sentence = systemLine(m);
      if (sentence === null)
        return <SaidLine m={m} continued={row.continued} myName={myName} myId={myId} onAuthor={onAuthor} />;
      return (
        <div className="msg system" data-kind={m.kind} data-seq={m.seq}>
          <span className="gutter" aria-hidden="true">
            {m.kind === "join" ? "→" : m.kind === "part" ? "←" : "•"}
          </span>
          <p className="msg-text">
            {sentence} <Time iso={m.createdAt} className="inline-time" />
          </p>
        </div>
      );
    }
  }
});
