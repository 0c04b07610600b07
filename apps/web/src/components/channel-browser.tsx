import { errorText } from "@canaduck/client";
import { isChannelName, type ChannelSummary } from "@canaduck/contract";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useChat } from "../lib/chat-context";
import type { ComposerError } from "./composer";
import { ErrorMessage } from "./error-message";
import { Modal } from "./modal";

interface BrowserProps {
  onClose: () => void;
  onJoined: (channelId: string) => void;
}

/** /list as a dialog: find a channel by name or topic and join it, or create a new one. */
export function ChannelBrowser({ onClose, onJoined }: BrowserProps) {
  const { client } = useChat();
  const [channels, setChannels] = useState<ChannelSummary[] | null>(null);
  const [query, setQuery] = useState("");
  const [error, setError] = useState<ComposerError | null>(null);
  const filterId = useId();

  useEffect(() => {
    let live = true;
    void client.request("channel:list", {}, true).then((ack) => {
      if (!live) return;
      if (ack.ok) setChannels(ack.data.channels);
      else setError(ack.error);
    });
    return () => {
      live = false;
    };
  }, [client]);

  const join = async (name: string) => {
    setError(null);
    const existing = client.channelIdOf(name);
    if (existing) {
      onJoined(existing);
      onClose();
      return;
    }
    const failure = await client.submit(`/join ${name}`);
    if (failure) return setError(failure);
    const id = client.channelIdOf(name);
    if (id) onJoined(id);
    onClose();
  };

  const q = query.trim().toLowerCase();
  const typedName = q === "" ? "" : q.startsWith("#") ? q : `#${q}`;
  const shown = (channels ?? []).filter(
    (c) => q === "" || c.name.toLowerCase().includes(q.replace(/^#/, "")) || c.topic.toLowerCase().includes(q),
  );
  const canCreate = isChannelName(typedName) && !(channels ?? []).some((c) => c.name.toLowerCase() === typedName);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const first = shown[0];
    if (canCreate) void join(typedName);
    else if (first) void join(first.name);
  };

  return (
    <Modal title="Browse channels" onClose={onClose} className="browser">
      <form onSubmit={submit} role="search">
        <label htmlFor={filterId}>Find or create a channel</label>
        <input
          id={filterId}
          value={query}
          placeholder="#channel or topic"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
        />
      </form>
      {error && <ErrorMessage {...errorText(error)} code={error.code} />}
      {canCreate && (
        <button type="button" className="button primary create-channel" onClick={() => void join(typedName)}>
          Create and join {typedName}
        </button>
      )}
      {channels === null ? (
        <p role="status">Loading channels…</p>
      ) : shown.length === 0 ? (
        <p className="muted">
          {channels.length === 0
            ? "No channels yet. Type a name above to create the first one."
            : "No channel matches."}
        </p>
      ) : (
        <ul className="browser-list">
          {shown.map((c) => {
            const joined = client.channelIdOf(c.name) !== undefined;
            return (
              <li key={c.name}>
                <div>
                  <span className="browser-name">{c.name}</span>
                  {c.inviteOnly && <span className="tag">invite-only</span>}
                  <span className="muted">
                    {" "}
                    · {c.memberCount} member{c.memberCount === 1 ? "" : "s"}
                  </span>
                  {c.topic && (
                    <p className="browser-topic" dir="auto">
                      {c.topic}
                    </p>
                  )}
                </div>
                <button
                  type="button"
                  className={joined ? "button subtle" : "button"}
                  onClick={() => void join(c.name)}
                  aria-label={`${joined ? "Open" : "Join"} ${c.name}`}
                >
                  {joined ? "Open" : "Join"}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Modal>
  );
}
