import { useState } from "react";
import { notificationsSupported, notificationsWanted, setNotificationsWanted } from "../lib/notification-settings";

/** Opt-in desktop notifications for mentions while the tab is hidden. */
export function NotificationToggle() {
  const [on, setOn] = useState(
    () => notificationsWanted() && notificationsSupported() && Notification.permission === "granted",
  );
  const [denied, setDenied] = useState(() => notificationsSupported() && Notification.permission === "denied");
  if (!notificationsSupported()) return null;

  const toggle = async () => {
    if (on) {
      setNotificationsWanted(false);
      setOn(false);
      return;
    }
    const permission = Notification.permission === "granted" ? "granted" : await Notification.requestPermission();
    setDenied(permission === "denied");
    setNotificationsWanted(permission === "granted");
    setOn(permission === "granted");
  };

  return (
    <label
      className="toggle"
      title={
        denied
          ? "Your browser blocks notifications for this site."
          : "Notify me when I am mentioned while CanaDuck is in the background."
      }
    >
      <input type="checkbox" role="switch" checked={on} disabled={denied} onChange={() => void toggle()} />
      <span>Mention notifications{denied ? " (blocked)" : ""}</span>
    </label>
  );
}
