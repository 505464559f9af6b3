// One way to show a message in a page: a confirmation after an action ("Saved."), a warning, an
// error. Success and information are polite live regions (role="status"), errors assertive
// (role="alert"); a message that is part of the page from the start says nothing (announce={false}).
// Without a message, a Notice is an empty live region, unstyled: it keeps its place for a message
// that arrives later, which is then announced.
import { useLocation } from "@remix-run/react";
import { useState, type ReactNode } from "react";

export type NoticeTone = "info" | "success" | "warning" | "danger";

const roleOf = (tone: NoticeTone) => (tone === "danger" ? "alert" : "status");

export function Notice({
  tone = "info",
  announce = true,
  as: Tag = "p",
  className,
  id,
  tabIndex,
  children,
}: {
  tone?: NoticeTone;
  /** false: a standing message, not announced (no live region). */
  announce?: boolean;
  /** A <div> when the message has paragraphs of its own. */
  as?: "p" | "div";
  /** More classes (a page's layout, or a class tests look for). */
  className?: string;
  id?: string;
  /** -1: a place the page moves the focus to after a change. */
  tabIndex?: number;
  children?: ReactNode;
}) {
  const empty = children === null || children === undefined || children === false || children === "";
  const classes = empty ? className : `notice notice--${tone}${className ? ` ${className}` : ""}`;
  return (
    <Tag id={id} tabIndex={tabIndex} className={classes} role={announce ? roleOf(tone) : undefined}>
      {children}
    </Tag>
  );
}

/**
 * The notice a page's loader read (app/utils/notice.server.ts), kept while the reader stays at
 * this address: the loader gives it once, and a later reload of the data (after a fetcher's
 * action, an autosave) comes without it, where ?saved=1 in the address stayed. Pass the loader's
 * value as it is (it is compared by its contents).
 */
export function useNotice<T>(notice: T | null): T | null {
  const { key } = useLocation();
  const [kept, setKept] = useState<{ key: string; notice: T | null }>({ key, notice });
  if (kept.key !== key || (notice !== null && JSON.stringify(notice) !== JSON.stringify(kept.notice))) {
    setKept({ key, notice });
    return notice;
  }
  return kept.notice;
}
