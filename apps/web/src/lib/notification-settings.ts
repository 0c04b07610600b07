const KEY = "canaduck.notify";

/** Whether the user asked for desktop notifications on mentions (they must opt in). */
export function notificationsWanted(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === "on";
  } catch {
    return false;
  }
}

export function setNotificationsWanted(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(KEY, "on");
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage refused: the choice lasts for this page only.
  }
}

export const notificationsSupported = (): boolean => typeof globalThis.Notification === "function";
