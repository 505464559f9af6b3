import { isolate, withData } from "~/components/ui/data-text";
import { PendingPassages } from "~/components/ui/redline";
import type { PageEntry } from "~/lib/side-by-side";
import type { SummaryOfPoint } from "./point-summary";
import { EntryList, type EntryShared, type ReviewState } from "./entry-list";
import { PointSummary } from "./point-summary";

type Point = { id: string; label: string; versionNumber: number; text: string; summary: SummaryOfPoint; total: number; entries: PageEntry[] };

/** A circulated point: its wording (sticky at the inline start), the summary, every entry on it. */
export function PointSection({
  point,
  pointLink,
  targetCode,
  shared,
  review,
}: {
  point: Point;
  /** The point's own view in the side-by-side, at an anchor. */
  pointLink: (anchor: string) => string;
  /** The delegation whose entry on this point a link asked for (`?point=…&delegation=…`). */
  targetCode: string | null;
  shared: EntryShared;
  review: ReviewState;
}) {
  const { t } = shared.words;
  return (
    <section id={`point-${point.id}`} className="sbs-point" aria-labelledby={`point-${point.id}-title`}>
      <div className="sbs-point__text">
        <h2 id={`point-${point.id}-title`}>{withData(t("sideBySide.point", { label: isolate(point.label) }))}</h2>
        <p className="muted sbs-point__version">{t("sideBySide.circulated", { version: point.versionNumber })}</p>
        <p className="sbs-point__wording" lang="en" dir="ltr">
          <PendingPassages text={point.text} title={t("consultations:redline.pendingTitle")} />
        </p>
      </div>
      <div className="sbs-point__comments">
        <PointSummary
          pointId={point.id}
          summary={point.summary}
          shown={point.entries.length}
          total={point.total}
          pointLink={pointLink}
          language={shared.words.language}
          t={t}
        />
        <h3 className="visually-hidden">{withData(t("sideBySide.comments", { label: isolate(point.label) }))}</h3>
        {point.entries.length === 0 ? (
          <p className="empty">{point.total === 0 ? t("sideBySide.noEntries") : t("sideBySide.noEntriesFiltered")}</p>
        ) : (
          // With a delegation asked for, each entry listed is its own or speaks for it (its group's, co-sponsored
          // or aligned with: issue 19), where the matrix's cell led: every one is the link's target.
          <EntryList entries={point.entries} shared={shared} review={review} isTarget={targetCode ? () => true : undefined} />
        )}
      </div>
    </section>
  );
}
