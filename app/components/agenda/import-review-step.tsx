import { useTranslation } from "~/i18n/use-translation";
import { ImportReviewForm, ImportWarnings } from "~/components/agenda/agenda-import-review";
import type { ImportActionData } from "~/lib/agenda-import-review";

/**
 * The second step of the import: what was found (or, once corrected, what will be saved), the
 * parser's warnings, and the review form. Its parts follow the page's heading.
 */
export function ImportReviewStep({ answer }: { answer: Extract<ImportActionData, { step: "review" }> }) {
  const { t } = useTranslation("agenda");
  const counts = {
    items: t("counts.items", { count: answer.found.items }),
    points: t("counts.points", { count: answer.found.points }),
  };
  return (
    <>
      <p className="lead">{answer.corrected ? t("import.inReview", counts) : t("import.found", counts)}</p>
      <p>{t("import.reviewHelp")}</p>
      <ImportWarnings warnings={answer.warnings} />
      <ImportReviewForm
        key={answer.reviewKey}
        reviewKey={answer.reviewKey}
        pasted={answer.pasted}
        defaultValue={answer.review}
        lastResult={answer.result}
        focus={answer.focus}
        opError={answer.opError}
      />
    </>
  );
}
