// Who a submission speaks for, as facts of a receipt or a revision view (issue 19): the delegation
// "on behalf of" its group and the group's member count, the co-sponsors that confirmed and, for the
// secretariat and the chairs, the delegations aligned with it. Pairs of a <dl className="facts">.
import { Fact } from "~/components/ui/facts";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { intlLocale } from "~/lib/dates";
import { delegationName, type DelegationArticles, type DelegationNames } from "~/lib/delegation-names";
import type { SpeakerGroup } from "~/lib/joint";
import { SpeakerName } from "./speaker";

export type JointFactsData = {
  group: SpeakerGroup | null;
  cosponsors: DelegationNames[];
  aligned: DelegationNames[];
};

/** The delegation's name, or "Egypt on behalf of the Group of African States". */
export function SpeakerFact({ delegation, group }: { delegation: DelegationNames & DelegationArticles; group: SpeakerGroup | null }) {
  return <SpeakerName speaker={{ delegation, group }} />;
}

export function JointFacts({ facts, showAligned = false }: { facts: JointFactsData; showAligned?: boolean }) {
  const { t, i18n } = useTranslation("submissions");
  const language = i18n.language as Language;
  const list = (delegations: DelegationNames[]) =>
    new Intl.ListFormat(intlLocale(language), { type: "conjunction" }).format(delegations.map((d) => delegationName(d, language)));
  return (
    <>
      {facts.group ? <Fact term={t("joint.facts.members")}>{facts.group.memberCount}</Fact> : null}
      {facts.cosponsors.length ? <Fact term={t("joint.facts.cosponsors")}>{list(facts.cosponsors)}</Fact> : null}
      {showAligned && facts.aligned.length ? <Fact term={t("joint.facts.aligned")}>{list(facts.aligned)}</Fact> : null}
    </>
  );
}
