import { newMentions } from "@canaduck/client";
import { useEffect } from "react";
import { useChat } from "../lib/chat-context";
import { notificationsSupported, notificationsWanted } from "../lib/notification-settings";

/** While the tab is hidden, a mention (or a direct message) raises a desktop notification, if the user opted in. */
export function useMentionNotifications(select: (channelId: string) => void): void {
  const { client } = useChat();
  useEffect(() => {
    let seen = newMentions({}, client.getState()).seen;
    return client.subscribe(() => {
      const { alerts: found, seen: now } = newMentions(seen, client.getState());
      seen = now;
      if (found.length === 0 || !document.hidden || !notificationsWanted() || !notificationsSupported()) return;
      if (Notification.permission !== "granted") return;
      for (const alert of found.slice(-3)) {
        const note = new Notification(alert.title, { body: alert.body, tag: alert.channelId });
        note.onclick = () => {
          window.focus();
          select(alert.channelId);
          note.close();
        };
      }
    });
  }, [client, select]);
}
