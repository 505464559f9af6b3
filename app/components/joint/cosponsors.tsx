// The joint submission page's co-sponsors: those the delegation named, with their answers, and the
// form to name another; then the invitations the delegation received, to confirm, decline or
// withdraw from. Plain forms, each with its intent: the page works without JavaScript.
import { Form } from "@remix-run/react";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { SubmitButton } from "~/components/ui/button";
import { TableSection } from "~/components/ui/data-table";
import { SelectField } from "~/components/ui/field";
import { ActionLabel, PostForm } from "~/components/ui/post-form";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import type { CosponsorState, Speaker } from "~/lib/joint";
import { SpeakerName } from "./speaker";
import { WithdrawButton } from "./withdraw-button";

const STATE_TONE: Record<CosponsorState, BadgeTone> = { invited: "warning", confirmed: "success", declined: "neutral", withdrawn: "neutral" };

type Delegation = DelegationNames & { id: string; code: string };

export function CosponsorsSection({
  cosponsors,
  candidates,
  canChange,
  timeZone,
}: {
  cosponsors: { delegation: Delegation; state: CosponsorState; invitedAt: string | Date }[];
  /** The registered delegations the delegation may name. */
  candidates: Delegation[];
  canChange: boolean;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation("submissions");
  const language = i18n.language as Language;
  const name = (d: DelegationNames) => delegationName(d, language);
  const choices = [...candidates].sort((a, b) => name(a).localeCompare(name(b), language)).map((d) => ({ value: d.id, label: name(d) }));
  return (
    <TableSection
      id="joint-cosponsors-title"
      title={t("joint.cosponsors.title")}
      className="joint-section"
      intro={<p className="muted">{t("joint.cosponsors.intro")}</p>}
      timeZone={timeZone}
      rows={cosponsors}
      rowKey={(c) => c.delegation.id}
      empty={<p>{t("joint.cosponsors.none")}</p>}
      columns={[
        { label: t("joint.cosponsors.delegation"), cell: (c) => name(c.delegation) },
        { label: t("joint.cosponsors.state"), cell: (c) => <Badge tone={STATE_TONE[c.state]}>{t(`joint.cosponsors.states.${c.state}`)}</Badge> },
        { label: t("joint.cosponsors.invited"), time: (c) => c.invitedAt },
        canChange && {
          label: t("joint.cosponsors.actions"),
          // A confirmed co-sponsor's consent is its own to withdraw.
          cell: (c) =>
            c.state !== "confirmed" ? (
              <PostForm fields={{ delegationId: c.delegation.id }}>
                <SubmitButton name="intent" value="remove" variant="secondary" size="small">
                  <ActionLabel label={t("joint.cosponsors.remove")} row={name(c.delegation)} />
                </SubmitButton>
              </PostForm>
            ) : null,
        },
      ]}
    >
      {canChange && choices.length ? (
        <Form method="post" className="joint-form">
          <SelectField
            id="joint-cosponsor"
            name="delegationId"
            label={t("joint.cosponsors.choose")}
            value=""
            any={t("joint.cosponsors.chooseNone")}
            choices={choices}
          />
          <SubmitButton name="intent" value="invite">
            {t("joint.cosponsors.invite")}
          </SubmitButton>
        </Form>
      ) : null}
    </TableSection>
  );
}

export function InvitationsSection({
  invitations,
  canAnswer,
  timeZone,
}: {
  invitations: { submissionId: string; speaker: Speaker; counts: boolean; invitedAt: string | Date; state: CosponsorState }[];
  canAnswer: boolean;
  timeZone: string;
}) {
  const { t } = useTranslation("submissions");
  const speaker = (s: Speaker) => <SpeakerName speaker={s} />;
  return (
    <TableSection
      id="joint-invitations-title"
      title={t("joint.invitations.title")}
      className="joint-section"
      intro={invitations.length ? <p className="muted">{t("joint.invitations.intro")}</p> : null}
      timeZone={timeZone}
      rows={invitations}
      rowKey={(invitation) => invitation.submissionId}
      empty={<p>{t("joint.invitations.none")}</p>}
      columns={[
        { label: t("joint.invitations.speaker"), cell: (invitation) => speaker(invitation.speaker) },
        { label: t("joint.invitations.submission"), cell: (invitation) => t(invitation.counts ? "joint.invitations.counts" : "joint.invitations.notCounts") },
        { label: t("joint.cosponsors.invited"), time: (invitation) => invitation.invitedAt },
        {
          label: t("joint.invitations.state"),
          cell: (invitation) => <Badge tone={STATE_TONE[invitation.state]}>{t(`joint.invitations.states.${invitation.state}`)}</Badge>,
        },
        canAnswer && {
          label: t("joint.invitations.actions"),
          cell: (invitation) =>
            invitation.state === "invited" || invitation.state === "confirmed" ? (
              <PostForm className="joint-actions" fields={{ submissionId: invitation.submissionId }}>
                {invitation.state === "invited" ? (
                  <>
                    <SubmitButton name="intent" value="confirm" size="small">
                      <ActionLabel label={t("joint.invitations.confirm")} row={speaker(invitation.speaker)} />
                    </SubmitButton>
                    <SubmitButton name="intent" value="decline" variant="secondary" size="small">
                      <ActionLabel label={t("joint.invitations.decline")} row={speaker(invitation.speaker)} />
                    </SubmitButton>
                  </>
                ) : (
                  <WithdrawButton from="cosponsor" speaker={invitation.speaker} />
                )}
              </PostForm>
            ) : null,
        },
      ]}
    />
  );
}
