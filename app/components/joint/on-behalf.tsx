// The joint submission page's first part: who the delegation's submission speaks for, and (for the
// coordinator of a group, before the first submission) the choice between itself and the group.
import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/button";
import { withData } from "~/components/ui/data-text";
import { SelectField } from "~/components/ui/field";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { groupInSentence, groupName } from "~/lib/groups";
import type { SpeakerGroup } from "~/lib/joint";

type Group = SpeakerGroup & { id: string };

export function OnBehalfSection({
  group,
  coordinated,
  submitted,
  canChange,
}: {
  /** The group the submission speaks for now, if any. */
  group: Group | null;
  /** The groups the delegation coordinates in this consultation. */
  coordinated: Group[];
  submitted: boolean;
  canChange: boolean;
}) {
  const { t, i18n } = useTranslation("submissions");
  const language = i18n.language as Language;
  // A group it no longer coordinates stays a choice while it is the current one.
  const choices = group && !coordinated.some((g) => g.id === group.id) ? [group, ...coordinated] : coordinated;
  return (
    <section aria-labelledby="joint-on-behalf-title" className="joint-section">
      <h2 id="joint-on-behalf-title">{t("joint.onBehalf.title")}</h2>
      <p className="joint-section__current">
        {group ? withData(t("joint.onBehalf.current", { group: groupInSentence(group, language, { isolate: true }) })) : t("joint.onBehalf.own")}
      </p>
      {choices.length === 0 ? (
        <p className="muted">{t("joint.onBehalf.none")}</p>
      ) : submitted ? (
        <p className="muted">{t("joint.onBehalf.locked")}</p>
      ) : (
        <>
          <p className="muted">{t("joint.onBehalf.intro")}</p>
          {canChange ? (
            <Form method="post" className="joint-form">
              <SelectField
                id="joint-group"
                name="groupId"
                label={t("joint.onBehalf.label")}
                value={group?.id ?? ""}
                choices={[
                  { value: "", label: t("joint.onBehalf.ownChoice") },
                  ...choices.map((g) => ({ value: g.id, label: t("joint.onBehalf.groupChoice", { group: groupName(g, language), count: g.memberCount }) })),
                ]}
              />
              <SubmitButton name="intent" value="on-behalf">
                {t("joint.onBehalf.save")}
              </SubmitButton>
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}
