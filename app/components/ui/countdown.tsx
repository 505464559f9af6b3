import type { TFunction } from "i18next";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { countdownParts, countdownStage, nextRefreshIn, timeLeft, type CountdownStage, type TimeLeft } from "~/lib/countdown";

/** "3 days 4 hours", "45 minutes", "Deadline passed", … in the language of `t`. */
export function countdownText(t: TFunction<"submissions">, left: TimeLeft): string {
  const parts = countdownParts(left);
  switch (parts.kind) {
    case "passed":
      return t("countdown.passed");
    case "underMinute":
      return t("countdown.underMinute");
    case "minutes":
      return t("countdown.minutes", { count: parts.minutes });
    case "hours":
      return parts.minutes
        ? t("countdown.hoursMinutes", {
            hours: t("countdown.hours", { count: parts.hours }),
            minutes: t("countdown.minutes", { count: parts.minutes }),
          })
        : t("countdown.hours", { count: parts.hours });
    case "days":
      return parts.hours
        ? t("countdown.daysHours", {
            days: t("countdown.days", { count: parts.days }),
            hours: t("countdown.hours", { count: parts.hours }),
          })
        : t("countdown.days", { count: parts.days });
  }
}

// Browser clocks further off than this are not corrected: something else is wrong.
const MAX_SKEW_MS = 12 * 3_600_000;
// Below this, the difference is the page's travel time, not a wrong clock.
const MIN_SKEW_MS = 2_000;

export type CountdownProps = {
  /** The deadline instant (for a delegation with an extension, its own deadline). */
  deadline: Date | string | number;
  /**
   * The server's time when it rendered the page (from the loader). The first render uses it, so
   * the server's HTML and the browser's hydration say the same; afterwards the browser's clock
   * is used, corrected by its difference from the server's (the server enforces the deadline).
   */
  now: Date | string | number;
  /**
   * Called once when the deadline passes while the page is open, or at once if the browser finds
   * it already passed when the page opens: the editor turns read-only.
   */
  onPassed?: () => void;
  /** Show "Time left: …" (default) or the bare time. */
  withLabel?: boolean;
  className?: string;
};

/**
 * The time left before a deadline, updated every 30 seconds and exactly at the deadline, in
 * the interface language. Screen readers are told only when the last hour starts and when the
 * deadline passes, not at every update.
 */
export function Countdown({ deadline, now, onPassed, withLabel = true, className }: CountdownProps) {
  const { t } = useTranslation("submissions");
  const deadlineMs = new Date(deadline).getTime();
  const serverNow = new Date(now).getTime();
  const [clock, setClock] = useState(serverNow);
  const [announcement, setAnnouncement] = useState("");
  const onPassedRef = useRef(onPassed);
  onPassedRef.current = onPassed;

  useEffect(() => {
    const measured = serverNow - Date.now();
    const skew = Math.abs(measured) >= MIN_SKEW_MS && Math.abs(measured) <= MAX_SKEW_MS ? measured : 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      clearTimeout(timer);
      const current = Date.now() + skew;
      setClock(current);
      const wait = nextRefreshIn(timeLeft(deadlineMs, current));
      // +50 ms: wake just after the deadline rather than just before it.
      if (wait !== null) timer = setTimeout(tick, wait + 50);
    };
    tick();
    // Background tabs throttle timers: catch up as soon as the page is looked at again.
    const onVisible = () => {
      if (document.visibilityState === "visible") tick();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [deadlineMs, serverNow]);

  const left = timeLeft(deadlineMs, clock);
  const stage = countdownStage(left);
  const previousStage = useRef<CountdownStage | null>(null);
  useEffect(() => {
    const before = previousStage.current;
    previousStage.current = stage;
    if (stage === before) return;
    if (stage === "passed") onPassedRef.current?.();
    // Announce entering a stage, not the stage the page opened in.
    if (before !== null && stage !== "running") {
      setAnnouncement(t(stage === "passed" ? "countdown.announcePassed" : "countdown.announceLastHour"));
    }
  }, [stage, t]);

  const text = countdownText(t, left);
  const classes = ["countdown", `countdown--${stage}`, className].filter(Boolean).join(" ");
  return (
    <span className={classes}>
      <span className="countdown__text">{left.passed || !withLabel ? text : t("countdown.left", { time: text })}</span>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </span>
  );
}
