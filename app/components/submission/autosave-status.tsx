import type { TFunction } from "i18next";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { changedFieldNames, type DraftFields, type PendingCopy } from "~/lib/autosave-store";
import { dateTimeFormat, intlLocale } from "~/lib/dates";
import { paths } from "~/lib/paths";
import type { AutosaveStatus } from "~/components/submission/use-autosave";
import { Button } from "~/components/ui/button";

/**
 * "14:02" today, "10 August 2020, 14:02" another day (or always, with `withDate`), in the reader's
 * language and zone: the long date and the 24-hour clock, as every date in the app.
 */
export function formatSaveTime(iso: string, language: string, timeZone?: string, options: { withDate?: boolean; now?: number } = {}): string {
  const date = new Date(iso);
  const day = (instant: Date | number) => dateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(instant);
  const sameDay = !options.withDate && day(date) === day(options.now ?? Date.now());
  return dateTimeFormat(intlLocale(language), {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(sameDay ? {} : { day: "numeric", month: "long", year: "numeric" }),
  }).format(date);
}

export type AutosaveStatusLineProps = {
  status: AutosaveStatus;
  /**
   * The reader's IANA zone (the profile's, else the meeting's). Required: the server renders the
   * first line, and the browser must format the time the same way for hydration to match.
   */
  timeZone: string;
  /** Where to sign in again; opens in a new tab so that this page and its text stay. */
  loginUrl?: string;
  /** "Try again now" while retrying (the hook's saveNow). */
  onRetry?: () => void;
};

/**
 * The line under the editor that says where the text is: "All changes saved at 14:02",
 * "Saving…", "Not saved yet", "Not saved: connection lost — retrying", the expired session
 * with a link to sign in again, and the refusals. The line itself is not a live region (it
 * changes at every save); failures, the return to normal after one, and a restored text are
 * announced once through a separate polite region.
 */
export function AutosaveStatusLine({ status, timeZone, loginUrl = paths.login(), onRetry }: AutosaveStatusLineProps) {
  const { t, i18n } = useTranslation("submissions");
  const time = (iso: string) => formatSaveTime(iso, i18n.language, timeZone);

  let line: ReactNode;
  switch (status.state) {
    case "idle":
      line = t("autosave.idle");
      break;
    case "pending":
      line = t("autosave.pending");
      break;
    case "saving":
      line = t("autosave.saving");
      break;
    case "saved":
      line = status.savedAt ? t("autosave.saved", { time: time(status.savedAt) }) : t("autosave.idle");
      break;
    case "retrying":
      line = (
        <>
          {t("autosave.retrying")}{" "}
          {onRetry ? (
            <Button variant="secondary" size="small" onClick={onRetry}>
              {t("autosave.retryNow")}
            </Button>
          ) : null}
        </>
      );
      break;
    case "signedOut":
      line = (
        <>
          {t("autosave.signedOut")}{" "}
          <a href={loginUrl} target="_blank" rel="noopener noreferrer">
            {t("autosave.signIn")}
          </a>{" "}
          {t("autosave.signedOutAfter")}
        </>
      );
      break;
    case "conflict":
      line = t("autosave.conflict");
      break;
    case "invalid":
      line = t("autosave.invalid");
      break;
    case "closed":
      line = t("autosave.closed");
      break;
    case "refused":
      line = t("autosave.refused", { status: status.httpStatus ?? "?" });
      break;
  }

  const problem = !["idle", "pending", "saving", "saved"].includes(status.state);
  const announcement = useAnnouncement(status, t);

  return (
    // A named group, not a live region: the line changes at every save (see above).
    <div className={`autosave-status autosave-status--${status.state}`} role="group" aria-label={t("autosave.label")}>
      <p className="autosave-status__line">{line}</p>
      {problem && status.storageFailed ? <p className="autosave-status__warning">{t("autosave.notKept")}</p> : null}
      {status.restoredFrom ? <p className="autosave-status__restored">{t("autosave.restored", { time: time(status.restoredFrom) })}</p> : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

// What to announce: entering a failure, getting back to "saved" after one, a restored text.
function useAnnouncement(status: AutosaveStatus, t: TFunction<"submissions">): string {
  const [text, setText] = useState("");
  const previous = useRef(status.state);
  useEffect(() => {
    const before = previous.current;
    previous.current = status.state;
    if (before === status.state) return;
    switch (status.state) {
      case "retrying":
        setText(t("autosave.retrying"));
        break;
      case "signedOut":
        setText(`${t("autosave.signedOut")} ${t("autosave.signedOutAfter")}`);
        break;
      case "conflict":
        setText(t("autosave.conflict"));
        break;
      case "invalid":
        setText(t("autosave.invalid"));
        break;
      case "closed":
        setText(t("autosave.closed"));
        break;
      case "refused":
        setText(t("autosave.refused", { status: status.httpStatus ?? "?" }));
        break;
      case "saved":
        if (status.recovered) setText(t("autosave.recovered"));
        break;
    }
  }, [status.state, status.recovered, status.httpStatus, t]);
  return text;
}

export type RestoreOfferProps = {
  copy: PendingCopy;
  /** The server draft's content as loaded, to show only what differs. */
  serverFields: DraftFields;
  /** A human name for a field ("Point (a): comment"); fields without one show their name. */
  describeField?: (name: string) => string | null;
  onUse: () => void;
  onDiscard: () => void;
  timeZone?: string;
};

/**
 * Offers text kept in this browser when the server's draft changed after it was kept: what
 * differs, and the choice to use it (it then replaces the saved draft there) or discard it.
 */
export function RestoreOffer({ copy, serverFields, describeField, onUse, onDiscard, timeZone }: RestoreOfferProps) {
  const { t, i18n } = useTranslation("submissions");
  const changed = changedFieldNames(copy.fields, serverFields);
  const titleId = `restore-offer-${copy.key}`;
  return (
    <section className="restore-offer" aria-labelledby={titleId} role="region">
      <h2 id={titleId} className="restore-offer__title">
        {t("autosave.offer.title")}
      </h2>
      <p>{t("autosave.offer.body", { time: formatSaveTime(copy.savedAt, i18n.language, timeZone, { withDate: true }) })}</p>
      <details className="restore-offer__details">
        <summary>{t("autosave.offer.show")}</summary>
        <dl>
          {changed.map((name) => (
            <div key={name}>
              <dt>{describeField?.(name) ?? name}</dt>
              <dd dir="auto">{copy.fields[name] || "—"}</dd>
            </div>
          ))}
        </dl>
      </details>
      <p className="field__help">{t("autosave.offer.useHelp")}</p>
      <p className="restore-offer__buttons">
        <Button onClick={onUse}>{t("autosave.offer.use")}</Button>
        <Button variant="secondary" onClick={onDiscard}>
          {t("autosave.offer.discard")}
        </Button>
      </p>
    </section>
  );
}
