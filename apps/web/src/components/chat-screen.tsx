import { activeChannel } from "@canaduck/client";
import type { SearchHit, SearchSession } from "@canaduck/client/search";
import { isChannelName } from "@canaduck/contract";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { ChatActions } from "../lib/chat-actions";
import { ClockContext } from "../lib/clock-context";
import { useChat, useChatState } from "../lib/chat-context";
import { AlertBanner } from "./alert-banner";
import { ChannelBrowser } from "./channel-browser";
import { ChannelView, type LineJump } from "./channel-view";
import { ConnectionBanner } from "./connection-banner";
import { DraftConversation } from "./draft-conversation";
import { EmptyState } from "./empty-state";
import { GlobalNotices } from "./global-notices";
import { MemberPanel } from "./member-panel";
import { QuickSwitcher } from "./quick-switcher";
import { SettingsPanel } from "./settings-panel";
import { Sidebar } from "./sidebar";
import { useApplySettings } from "./use-apply-settings";
import { useDocumentTitle } from "./use-document-title";
import { useMentionNotifications } from "./use-mention-notifications";
import { useShortcuts } from "./use-shortcuts";

// The panel and the search state are loaded the first time someone searches, so the first page
// stays within its size budget.
const loadSearch = () => import("./search-panel");
const SearchPanel = lazy(() => loadSearch().then((m) => ({ default: m.SearchPanel })));

/** The logged-in app: sidebar, the open conversation, and the dialogs over them. */
export function ChatScreen() {
  const { client } = useChat();
  const hasChannel = useChatState((s) => activeChannel(s) !== null);
  const me = useChatState((s) => s.me);
  const [draftPeer, setDraftPeer] = useState<string | null>(null);
  const [browserOpen, setBrowserOpen] = useState(false);
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const compact = useChatState((s) => s.settings.compact);
  const clock = useChatState((s) => s.settings.clock);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  // Wide screens show the members beside the conversation; narrow ones on demand.
  const [membersOpen, setMembersOpen] = useState(() => window.matchMedia("(min-width: 1100px)").matches);
  const isChannel = useChatState((s) => activeChannel(s)?.view.kind === "channel");
  const composerRef = useRef<HTMLTextAreaElement>(null);
  // Notices from before this login (a previous session's) are not news.
  const [firstNotice] = useState(() => client.getState().nextNoticeId);
  // One search per login, kept while the panel is closed: opening it again shows the last results.
  const [search, setSearch] = useState<SearchSession | null>(null);
  const [searchOpen, setSearchOpen] = useState<{ query?: string } | null>(null);
  const [jump, setJump] = useState<LineJump | null>(null);
  useEffect(() => {
    if (searchOpen === null || search !== null) return;
    let stale = false;
    void loadSearch().then((m) => {
      if (!stale)
        setSearch(new m.SearchSession({ request: (payload) => client.request("search:query", payload, true) }));
    });
    return () => {
      stale = true;
    };
  }, [client, searchOpen, search]);
  useEffect(() => () => search?.dispose(), [search]);

  const focusComposer = useCallback(() => requestAnimationFrame(() => composerRef.current?.focus()), []);

  const select = useCallback(
    (channelId: string) => {
      setDraftPeer(null);
      setSidebarOpen(false);
      client.select(channelId);
      focusComposer();
    },
    [client, focusComposer],
  );

  const openDirect = useCallback(
    (nick: string) => {
      const existing = client.channelIdOf(nick);
      if (existing) return select(existing);
      if (nick.toLowerCase() === me?.name.toLowerCase()) return;
      setSidebarOpen(false);
      // A conversation closed earlier opens again as it was; only one never started is a draft.
      void client.reopenDirect(nick).then((reopened) => {
        if (reopened) return select(reopened);
        setDraftPeer(nick);
        focusComposer();
      });
    },
    [client, me, select, focusComposer],
  );

  const openSearch = useCallback((query?: string) => setSearchOpen(query === undefined ? {} : { query }), []);

  /** A result opens its conversation at its line, with the lines around it. */
  const openHit = useCallback(
    async (hit: SearchHit) => {
      setSearchOpen(null);
      const known = (id: string | undefined) => (id !== undefined && id in client.getState().channels ? id : undefined);
      let channelId = known(hit.message.channelId) ?? known(client.channelIdOf(hit.target));
      // A direct conversation not held yet (none is, before its first line reaches this client).
      if (channelId === undefined && !isChannelName(hit.target)) {
        await client.openDirect(hit.target);
        channelId = known(hit.message.channelId);
      }
      if (channelId === undefined) return;
      select(channelId);
      setJump({ channelId, seq: hit.message.seq });
    },
    [client, select],
  );

  const actions: ChatActions = {
    openDirect,
    openBrowser: () => setBrowserOpen(true),
    select,
    openSearch,
    openSettings: () => setSettingsOpen(true),
  };
  useShortcuts({
    select,
    openSwitcher: () => setSwitcherOpen(true),
    focusComposer: () => composerRef.current?.focus(),
    openSearch,
  });
  useMentionNotifications(select);
  useDocumentTitle();
  useApplySettings();

  return (
    <ClockContext value={clock}>
      <div
        className={[
          "app",
          sidebarOpen ? "sidebar-open" : "",
          draftPeer === null && isChannel && membersOpen ? "with-members" : "",
          compact ? "compact" : "",
        ]
          .join(" ")
          .trim()}
      >
        <Sidebar actions={actions} onClose={() => setSidebarOpen(false)} onOpenSwitcher={() => setSwitcherOpen(true)} />
        <div className="scrim" aria-hidden="true" onClick={() => setSidebarOpen(false)} />
        <main className="main" aria-label="Conversation">
          <ConnectionBanner />
          <AlertBanner />
          {draftPeer !== null ? (
            <DraftConversation
              peer={draftPeer}
              composerRef={composerRef}
              onMenu={() => setSidebarOpen(true)}
              onStarted={(channelId) => select(channelId)}
              actions={actions}
            />
          ) : hasChannel ? (
            <ChannelView
              composerRef={composerRef}
              onMenu={() => setSidebarOpen(true)}
              actions={actions}
              membersOpen={membersOpen}
              onToggleMembers={() => setMembersOpen((open) => !open)}
              jump={jump}
            />
          ) : (
            <EmptyState onMenu={() => setSidebarOpen(true)} actions={actions} composerRef={composerRef} />
          )}
        </main>
        {draftPeer === null && isChannel && membersOpen && (
          <MemberPanel onOpenDirect={openDirect} onClose={() => setMembersOpen(false)} />
        )}
        <GlobalNotices since={firstNotice} />
        {browserOpen && <ChannelBrowser onClose={() => setBrowserOpen(false)} onJoined={select} />}
        {settingsOpen && <SettingsPanel onClose={() => setSettingsOpen(false)} />}
        {switcherOpen && <QuickSwitcher onClose={() => setSwitcherOpen(false)} onSelect={select} />}
        {searchOpen && search && (
          <Suspense fallback={null}>
            <SearchPanel
              session={search}
              initialQuery={searchOpen.query}
              onOpen={(hit) => void openHit(hit)}
              onClose={() => setSearchOpen(null)}
            />
          </Suspense>
        )}
      </div>
    </ClockContext>
  );
}
