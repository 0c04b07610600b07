import { useEffect, useState } from "react";

/** The time, ticking every `everyMs` while `active`: for things that lapse, like "bob is typing". */
export function useNow(everyMs: number, active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, active]);
  return now;
}
