// The problems of an uploaded comment-resolution table, row by row: nothing was saved, and the list
// says what to correct in the file. Long lists are cut (the first hundred say what is wrong).
import { isolate, withData } from "~/components/ui/data-text";
import { Notice } from "~/components/ui/notice";
import { useTranslation } from "~/i18n/use-translation";

/** A message key with its values (text values are put into the sentence as data). */
export type ImportProblemView = { message: string; values: Record<string, string | number> };

export const SHOWN_PROBLEMS = 100;

export function ImportProblems({ problems, total }: { problems: readonly ImportProblemView[]; total: number }) {
  const { t } = useTranslation("consolidation");
  if (problems.length === 0) return null;
  const more = total - problems.length;
  return (
    <Notice tone="danger" as="div" className="disposition-import__problems">
      <p>{t("dispositionImport.problemsTitle")}</p>
      <ul>
        {problems.map((problem, index) => {
          const values = Object.fromEntries(Object.entries(problem.values).map(([name, value]) => [name, typeof value === "string" ? isolate(value) : value]));
          return <li key={index}>{withData(String(t(problem.message as never, values as never)))}</li>;
        })}
      </ul>
      {more > 0 ? <p>{t("dispositionImport.moreProblems", { count: more })}</p> : null}
    </Notice>
  );
}
