import { useEffect, useState } from "react";

/** How often an open editor says so (the server forgets a page after 75 s without word). */
const INTERVAL_MS = 30_000;

/**
 * Tells the server this editor is open (every 30 s while the page is visible, and once it is
 * left) and gives the names of the mission's other delegates who have the draft open too.
 * `initial` is what the page's loader knew.
 */
export function useDraftPresence(url: string, initial: string[], enabled: boolean): string[] {
  const [colleagues, setColleagues] = useState(initial);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const report = async () => {
      if (document.visibilityState !== "visible") return;
      const body = new FormData();
      body.set("intent", "open");
      try {
        const response = await fetch(url, { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
        const answer = (await response.json()) as { ok?: boolean; colleagues?: unknown };
        if (alive && answer.ok && Array.isArray(answer.colleagues)) setColleagues(answer.colleagues.filter((c): c is string => typeof c === "string"));
      } catch {
        // Offline or signed out: the autosave line says so; the list just stays as it was.
      }
    };
    const leave = () => {
      const body = new FormData();
      body.set("intent", "close");
      navigator.sendBeacon?.(url, body);
    };
    const onVisibility = () => void report();
    void report();
    const timer = setInterval(() => void report(), INTERVAL_MS);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", leave);
    return () => {
      alive = false;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [url, enabled]);
  return colleagues;
}
