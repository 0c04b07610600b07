import { errorText, mentions } from "@canaduck/client";
import type { ChannelView, Message, ReplySummary, UserView } from "@canaduck/contract";
import { memo, use } from "react";
import { ClockContext } from "../lib/clock-context";
import { fullTime, shortTime } from "../lib/format-time";
import { canDelete, canEdit, canRespond } from "../lib/line-permissions";
import type { Row } from "../lib/message-rows";
import { systemLineParts, type SentencePart } from "../lib/system-line";
import { Avatar } from "./avatar";
import { BotBadge } from "./bot-badge";
import { LineActions } from "./line-actions";
import { MessageText } from "./message-text";
import { AttachmentView } from "./attachment-view";
import { LinkPreviewCard } from "./link-preview-card";
import { ReactionChips } from "./reaction-chips";

export type ListRow = Row | { kind: "start"; key: string; name: string };

export interface RowHandlers {
  onAuthor: (name: string) => void;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** What a line's actions do; each takes the line (as it is now) it was used on. */
export interface LineHandlers {
  onEdit: (m: Message) => void;
  onDelete: (m: Message) => void;
  onReply: (m: Message) => void;
  onReact: (m: Message, emoji: string) => void;
  /** Shows the line a reply answers. */
  onJump: (seq: number) => void;
}

/** Who is looking, where: what decides which actions a line offers. Null shows lines without actions. */
export interface LineContext extends LineHandlers {
  me: UserView;
  view: ChannelView;
}

interface RowProps extends RowHandlers {
  row: ListRow;
  myName: string;
  myId: string;
  lines?: LineContext | null;
  /** The line a jump landed on, highlighted for a moment. */
  highlighted?: boolean;
}

function ReplyQuote({ reply, onJump }: { reply: ReplySummary; onJump?: (seq: number) => void }) {
  const who = reply.author?.name ?? "server";
  const excerpt = reply.deleted ? "(message deleted)" : reply.excerpt;
  return (
    <button
      type="button"
      className="reply-quote"
      title="Show the original"
      aria-label={`Reply to ${who}: ${excerpt}. Show the original`}
      onClick={() => onJump?.(reply.seq)}
    >
      <span aria-hidden="true">↪ </span>
      <bdi className="reply-author">{who}</bdi>{" "}
      <bdi className={reply.deleted ? "reply-excerpt deleted" : "reply-excerpt"}>{excerpt}</bdi>
    </button>
  );
}

function Edited({ at }: { at: string }) {
  return (
    <span className="edited" title={`Edited ${fullTime(at)}`}>
      (edited)
    </span>
  );
}

/** A system line's sentence, with what people wrote in it isolated from the rest. */
function Sentence({ parts }: { parts: SentencePart[] }) {
  return parts.map((part, i) =>
    typeof part === "string" ? (
      part
    ) : (
      <bdi key={i} className="user-text">
        {part.said}
      </bdi>
    ),
  );
}

const Tombstone = () => <span className="tombstone">(message deleted)</span>;

/** The hover bar for a line, with only the actions this user may take on it. */
function actionsFor(m: Message, lines: LineContext) {
  const respond = canRespond(m);
  return (
    <LineActions
      onReact={respond ? (emoji) => lines.onReact(m, emoji) : undefined}
      onReply={respond ? () => lines.onReply(m) : undefined}
      onEdit={canEdit(m, lines.me) ? () => lines.onEdit(m) : undefined}
      onDelete={canDelete(m, lines.view, lines.me) ? () => lines.onDelete(m) : undefined}
    />
  );
}

/** What follows a said line's text: reactions, toggled by a click while the line takes them. */
function LineFooter({ m, lines }: { m: Message; lines: LineContext | null | undefined }) {
  if (!m.reactions || m.reactions.length === 0) return null;
  const toggle = lines && canRespond(m) ? (emoji: string) => lines.onReact(m, emoji) : undefined;
  return <ReactionChips reactions={m.reactions} onToggle={toggle} />;
}

function Time({ iso, className }: { iso: string; className?: string }) {
  const clock = use(ClockContext);
  return (
    <time className={className} dateTime={iso} title={fullTime(iso)}>
      {shortTime(iso, clock)}
    </time>
  );
}

function Author({
  name,
  isBot,
  myName,
  onAuthor,
}: {
  name: string;
  isBot: boolean;
  myName: string;
  onAuthor: (name: string) => void;
}) {
  const badge = isBot && (
    <>
      {" "}
      <BotBadge />
    </>
  );
  if (name.toLowerCase() === myName.toLowerCase())
    return (
      <>
        <span className="author">{name}</span>
        {badge}
      </>
    );
  return (
    <>
      <button type="button" className="author" title={`Send ${name} a direct message`} onClick={() => onAuthor(name)}>
        {name}
      </button>
      {badge}
    </>
  );
}

/**
 * A line's text, the file it shares (a line that says only the file's name shows just the file),
 * and its first link's preview.
 */
function SaidText({ m, myName }: { m: Message; myName: string | null }) {
  const { attachment, preview } = m.meta;
  return (
    <>
      {(!attachment || m.text !== attachment.name) && <MessageText text={m.text} myName={myName} />}
      {attachment && <AttachmentView attachment={attachment} />}
      {preview && <LinkPreviewCard preview={preview} />}
    </>
  );
}
function SaidLine({
  m,
  continued,
  myName,
  myId,
  onAuthor,
  lines,
  highlighted,
}: {
  m: Message;
  continued: boolean;
  myName: string;
  myId: string;
  onAuthor: (n: string) => void;
  lines: LineContext | null | undefined;
  highlighted: boolean;
}) {
  const name = m.author?.name ?? "server";
  const mentioned = !m.deleted && m.author?.id !== myId && mentions(m.text, myName);
  // Your own nick in your own line is not a mention of you: it is not rung there either.
  const ringName = m.author?.id === myId ? null : myName;
  const classes = (...extra: string[]) =>
    ["msg", ...extra, mentioned ? "mentions-me" : "", m.deleted ? "deleted" : "", highlighted ? "highlighted" : ""]
      .filter(Boolean)
      .join(" ");
  const reply = m.replyTo && <ReplyQuote reply={m.replyTo} onJump={lines?.onJump} />;
  const edited = m.editedAt && !m.deleted && <Edited at={m.editedAt} />;
  if (m.kind === "action") {
    return (
      <div className={classes("action")} data-seq={m.seq}>
        <span className="gutter" aria-hidden="true">
          ✱
        </span>
        <div className="msg-body">
          {reply}
          <div className="msg-text">
            <Author name={name} isBot={m.author?.isBot === true} myName={myName} onAuthor={onAuthor} />{" "}
            {m.deleted ? <Tombstone /> : <MessageText text={m.text} myName={ringName} inline />} {edited}{" "}
            <Time iso={m.createdAt} className="inline-time" />
          </div>
          <LineFooter m={m} lines={lines} />
        </div>
        {lines && actionsFor(m, lines)}
      </div>
    );
  }
  return (
    <div className={classes(continued ? "continued" : "")} data-seq={m.seq}>
      {continued ? <Time iso={m.createdAt} className="gutter gutter-time" /> : <Avatar name={name} />}
      <div className="msg-body">
        {!continued && (
          <div className="msg-meta">
            <Author name={name} isBot={m.author?.isBot === true} myName={myName} onAuthor={onAuthor} />
            <Time iso={m.createdAt} />
          </div>
        )}
        {reply}
        <div className="msg-text">
          {m.deleted ? <Tombstone /> : <SaidText m={m} myName={ringName} />}
          {edited}
        </div>
        <LineFooter m={m} lines={lines} />
      </div>
      {lines && actionsFor(m, lines)}
    </div>
  );
}

/** One row of the message list: said text, a /me action, a system line, a day divider or a pending send. */
export const MessageRow = memo(function MessageRow({
  row,
  myName,
  myId,
  onAuthor,
  onRetry,
  onDiscard,
  lines,
  highlighted = false,
}: RowProps) {
  switch (row.kind) {
    case "start":
      return (
        <div className="channel-start">
          <p className="channel-start-title">{row.name}</p>
          <p>This is the very beginning of the conversation.</p>
        </div>
      );
    case "new-divider":
      return (
        <div className="new-divider" role="separator" aria-label="New messages">
          <span>New messages</span>
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
            <div className="msg-text">
              {send.action && <span className="author">{myName} </span>}
              <MessageText text={send.text} myName={null} inline={send.action} />
            </div>
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
      const sentence = systemLineParts(m);
      if (sentence === null)
        return (
          <SaidLine
            m={m}
            continued={row.continued}
            myName={myName}
            myId={myId}
            onAuthor={onAuthor}
            lines={lines}
            highlighted={highlighted}
          />
        );
      return (
        <div className={highlighted ? "msg system highlighted" : "msg system"} data-kind={m.kind} data-seq={m.seq}>
          <span className="gutter" aria-hidden="true">
            {m.kind === "join" ? "→" : m.kind === "part" || m.kind === "quit" ? "←" : "•"}
          </span>
          <p className="msg-text">
            {m.deleted ? <Tombstone /> : <Sentence parts={sentence} />}{" "}
            <Time iso={m.createdAt} className="inline-time" />
          </p>
          {lines && !m.deleted && canDelete(m, lines.view, lines.me) && (
            <LineActions onDelete={() => lines.onDelete(m)} />
          )}
        </div>
      );
    }
  }
});
