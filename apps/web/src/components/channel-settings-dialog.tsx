import { errorText } from "@canaduck/client";
import type { ChannelView, ChatError, ClientEventResult } from "@canaduck/contract";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { useChat } from "../lib/chat-context";
import { fullTime } from "../lib/format-time";
import { ErrorMessage } from "./error-message";
import { Modal } from "./modal";

type Ban = ClientEventResult<"channel:bans">["bans"][number];

/** Whether the viewer may moderate the channel: the dialog is offered to them only (the server checks anyway). */
export const moderates = (view: ChannelView): boolean =>
  view.kind === "channel" && (view.role === "owner" || view.role === "operator");

/** An operator's settings of a channel: invite-only, link previews, inviting someone, and the bans in force with Unban. */
export function ChannelSettingsDialog({ view, onClose }: { view: ChannelView; onClose: () => void }) {
  const { client } = useChat();
  const [bans, setBans] = useState<Ban[] | null>(null);
  const [error, setError] = useState<ChatError | null>(null);
  const [invitee, setInvitee] = useState("");
  const [invited, setInvited] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inviteId = useId();
  const channel = view.name;

  const loadBans = useCallback(async () => {
    const ack = await client.request("channel:bans", { channel }, true);
    if (ack.ok) setBans(ack.data.bans);
    else setError(ack.error);
  }, [client, channel]);
  useEffect(() => void loadBans(), [loadBans]);

  /** Runs one change; on success the ban list is read again (a ban may have ended meanwhile too). */
  const change = async (act: () => Promise<{ ok: true } | { ok: false; error: ChatError }>) => {
    setBusy(true);
    setError(null);
    const ack = await act();
    setBusy(false);
    if (!ack.ok) setError(ack.error);
    return ack.ok;
  };

  // A box shows the asked state at once; the channel's own view follows when the server has changed it.
  const [asked, setAsked] = useState<{ inviteOnly?: boolean; previews?: boolean }>({});
  const setMode = async (mode: { inviteOnly: boolean } | { previews: boolean }) => {
    setAsked(mode);
    await change(() => client.request("channel:mode", { channel, ...mode }, true));
    setAsked({});
  };
  const previewsOn = !view.previewsOff;
  const unban = async (nick: string) => {
    if (await change(() => client.request("channel:unban", { channel, nick }, true))) await loadBans();
  };
  const invite = async (e: FormEvent) => {
    e.preventDefault();
    const nick = invitee.trim();
    if (nick === "") return;
    setInvited(null);
    if (await change(() => client.request("channel:invite", { channel, nick }, true))) {
      setInvited(nick);
      setInvitee("");
    }
  };

  return (
    <Modal title={`Settings of ${channel}`} onClose={onClose} className="channel-settings">
      <fieldset className="settings-group">
        <legend>Who may join</legend>
        <label className="settings-choice">
          <input
            type="checkbox"
            checked={asked.inviteOnly ?? view.inviteOnly}
            disabled={busy}
            onChange={() => void setMode({ inviteOnly: !view.inviteOnly })}
          />
          Invite-only: only invited users can join
        </label>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Links</legend>
        <label className="settings-choice">
          <input
            type="checkbox"
            checked={asked.previews ?? previewsOn}
            disabled={busy}
            onChange={() => void setMode({ previews: !previewsOn })}
          />
          Link previews: show a card under lines with a link
        </label>
      </fieldset>
      <form className="settings-group invite-form" onSubmit={(e) => void invite(e)}>
        <label htmlFor={inviteId}>Invite a user by nick</label>
        <div className="invite-row">
          <input
            id={inviteId}
            value={invitee}
            maxLength={32}
            autoComplete="off"
            onChange={(e) => setInvitee(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={busy || invitee.trim() === ""}>
            Invite
          </button>
        </div>
        {invited && (
          <p className="hint" role="status">
            {invited} is invited and can join {channel} now.
          </p>
        )}
      </form>
      {error && <ErrorMessage {...errorText(error)} code={error.code} />}
      <section className="settings-group" aria-labelledby={`${inviteId}-bans`}>
        <h3 id={`${inviteId}-bans`} className="bans-title">
          Bans in force
        </h3>
        {bans === null ? (
          <p className="muted">Loading…</p>
        ) : bans.length === 0 ? (
          <p className="muted">Nobody is banned from {channel}.</p>
        ) : (
          <ul className="ban-list">
            {bans.map((ban) => (
              <li key={ban.nick} className="ban">
                <div className="ban-text">
                  <strong>{ban.nick}</strong>
                  <span className="muted">
                    {" "}
                    by {ban.by ?? "a removed account"}, {fullTime(ban.createdAt)}
                  </span>
                  <span className="ban-reason">{ban.reason === "" ? "No reason given" : ban.reason}</span>
                  <span className="muted">
                    {ban.expiresAt === null ? "For good" : `Until ${fullTime(ban.expiresAt)}`}
                  </span>
                </div>
                <button
                  type="button"
                  className="button subtle"
                  disabled={busy}
                  aria-label={`Unban ${ban.nick}`}
                  onClick={() => void unban(ban.nick)}
                >
                  Unban
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Modal>
  );
}
