import { useTranslation } from "~/i18n/use-translation";
import type { ArchiveProblem } from "~/lib/archive-schema";

/**
 * An archive's problems, each with its JSON path (as the format writes it, left to right) and a
 * message in the reader's language; the English detail of the check stays available as a title.
 */
export function ArchiveProblems({ problems, total }: { problems: ArchiveProblem[]; total: number }) {
  const { t } = useTranslation(["archive", "common"]);
  const message = (p: ArchiveProblem) => {
    const values: Record<string, string | number> = { ...p.values };
    // Words the message reads in the reader's language: a format's name, a role.
    if (typeof values.format === "string") values.format = t(`archive:formats.${values.format}` as never, { defaultValue: values.format });
    for (const key of ["role", "fileRole"]) {
      if (typeof values[key] === "string") values[key] = t(`common:roles.${values[key]}` as never, { defaultValue: String(values[key]) });
    }
    return t(`archive:problems.${p.code}` as never, { ...values, defaultValue: p.message }) as string;
  };
  return (
    <>
      <p>{t("archive:errors.problems", { count: total })}</p>
      <ul className="archive-problems">
        {problems.map((p, i) => (
          <li key={i} title={p.message}>
            <bdi dir="ltr">
              <code>{p.path}</code>
            </bdi>
            : {message(p)}
          </li>
        ))}
      </ul>
      {total > problems.length ? <p>{t("archive:errors.more", { count: total - problems.length })}</p> : null}
    </>
  );
}
