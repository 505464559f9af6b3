import { Fragment } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { pendingPassages, type RedlineSegment } from "~/lib/redline";

/**
 * A word-level redline. Insertions and deletions are real <ins>/<del> elements (underlined and
 * struck through in print, not colour alone) with hidden words that screen readers announce.
 */
export function Redline({ segments, lang = "en" }: { segments: RedlineSegment[]; lang?: string }) {
  const { t, i18n } = useTranslation("consultations");
  // One translation lookup per redline, not one per segment: a side-by-side page holds hundreds.
  const pendingTitle = t("redline.pendingTitle");
  return (
    <p className="redline" lang={lang} dir="auto">
      {segments.map((segment, index) => {
        if (segment.kind === "equal") return <PendingPassages key={index} text={segment.text} title={pendingTitle} />;
        const Tag = segment.kind === "insert" ? "ins" : "del";
        const label = segment.kind === "insert" ? "inserted" : "deleted";
        return (
          <Tag key={index}>
            <span className="visually-hidden" lang={i18n.language}>
              {t(`redline.${label}Start`)}{" "}
            </span>
            <PendingPassages text={segment.text} title={pendingTitle} />
            <span className="visually-hidden" lang={i18n.language}>
              {" "}
              {t(`redline.${label}End`)}
            </span>
          </Tag>
        );
      })}
    </p>
  );
}

/** Text with its [square-bracketed] passages marked as wording not yet agreed. */
export function PendingText({ text }: { text: string }) {
  const { t } = useTranslation("consultations");
  return <PendingPassages text={text} title={t("redline.pendingTitle")} />;
}

/** PendingText with its title given, for lists that render many (no hook per text). */
export function PendingPassages({ text, title }: { text: string; title: string }) {
  const passages = pendingPassages(text);
  if (passages.length === 1 && !passages[0]!.pending) return <>{text}</>;
  return (
    <>
      {passages.map((passage, index) =>
        passage.pending ? (
          <span key={index} className="pending" title={title}>
            {passage.text}
          </span>
        ) : (
          <Fragment key={index}>{passage.text}</Fragment>
        ),
      )}
    </>
  );
}
