// The names of a pasted list that were not taken: several delegations fit, a guess, or nothing. The
// officer corrects the list and saves again; nothing was saved meanwhile.
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { Notice } from "~/components/ui/notice";
import { isolate, withData } from "~/components/ui/data-text";
import { intlLocale } from "~/lib/dates";
import { delegationName } from "~/lib/delegation-names";
import type { GroupsActionData } from "~/lib/groups";

export function MemberProblems({ problems }: { problems: NonNullable<GroupsActionData["problems"]> }) {
  const { t, i18n } = useTranslation("groups");
  const language = i18n.language as Language;
  if (!problems.length) return null;
  // "Congo (COG) or Democratic Republic of the Congo (COD)", in the reader's language.
  const list = new Intl.ListFormat(intlLocale(language), { type: "disjunction" });
  const candidates = (problem: (typeof problems)[number]) => list.format(problem.candidates.map((d) => isolate(`${delegationName(d, language)} (${d.code})`)));
  return (
    <Notice tone="warning" as="div" className="group-problems">
      <h3>{t("problems.title")}</h3>
      <p>{t("problems.intro")}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${index}-${problem.input}`}>
            <bdi className="group-problems__input">{problem.input}</bdi>
            {" — "}
            {withData(
              problem.kind === "confirm"
                ? t("problems.confirm", { candidates: candidates(problem) })
                : problem.kind === "choose"
                  ? t("problems.choose", { candidates: candidates(problem) })
                  : problem.candidates.length
                    ? t("problems.unmatchedNear", { candidates: candidates(problem) })
                    : t("problems.unmatched"),
            )}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
