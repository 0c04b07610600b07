/** Nothing open yet: point to the channel browser. */
export function EmptyState({ onMenu, onBrowse }: { onMenu: () => void; onBrowse: () => void }) {
  return (
    <>
      <header className="channel-header">
        <button
          type="button"
          className="icon-button only-narrow"
          aria-label="Open the conversation list"
          onClick={onMenu}
        >
          ☰
        </button>
        <div className="channel-title">
          <h1>Welcome to CanaDuck</h1>
        </div>
      </header>
      <div className="empty-state">
        <p>You are not in any channel yet.</p>
        <button type="button" className="button primary" onClick={onBrowse}>
          Browse channels
        </button>
        <p className="muted">
          Or type <code>/join #name</code> in any channel to create one.
        </p>
      </div>
    </>
  );
}
