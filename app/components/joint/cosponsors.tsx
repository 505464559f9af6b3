// The joint submission page's co-sponsors: those the delegation named, with their answers, and the
// form to name another; then the invitations the delegation received, to confirm, decline or
// withdraw from. Plain forms, each with its intent: the page works without JavaScript.
import { Form } from "@remix-run/react";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { SubmitButton } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/confirm-dialog";
import { withData } from "~/components/ui/data-text";
import { SelectField } from "~/components/ui/field";
import { TableShell } from "~/components/ui/table-shell";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { formatInstant } from "~/lib/dates";
import { delegationName, type DelegationNames } from "~/lib/delegation-names";
import type { CosponsorState, Speaker } from "~/lib/joint";
import { SpeakerName, useSpeakerName } from "./speaker";

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
    <section aria-labelledby="joint-cosponsors-title" className="joint-section">
      <h2 id="joint-cosponsors-title">{t("joint.cosponsors.title")}</h2>
      <p className="muted">{t("joint.cosponsors.intro")}</p>
      {cosponsors.length ? (
        <TableShell labelledBy="joint-cosponsors-title" tableClassName="table--cards">
          <thead>
            <tr>
              <th scope="col">{t("joint.cosponsors.delegation")}</th>
              <th scope="col">{t("joint.cosponsors.state")}</th>
              <th scope="col">{t("joint.cosponsors.invited")}</th>
              {canChange ? <th scope="col">{t("joint.cosponsors.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {cosponsors.map((c) => (
              <tr key={c.delegation.id}>
                <th scope="row" data-label={t("joint.cosponsors.delegation")}>
                  {name(c.delegation)}
                </th>
                <td data-label={t("joint.cosponsors.state")}>
                  <Badge tone={STATE_TONE[c.state]}>{t(`joint.cosponsors.states.${c.state}`)}</Badge>
                </td>
                <td data-label={t("joint.cosponsors.invited")} suppressHydrationWarning>
                  {formatInstant(c.invitedAt, language, timeZone)}
                </td>
                {canChange ? (
                  <td data-label={t("joint.cosponsors.actions")}>
                    {/* A confirmed co-sponsor's consent is its own to withdraw. */}
                    {c.state !== "confirmed" ? (
                      <Form method="post">
                        <input type="hidden" name="delegationId" value={c.delegation.id} />
                        <SubmitButton name="intent" value="remove" variant="secondary" size="small">
                          {t("joint.cosponsors.remove")} <span className="visually-hidden">{name(c.delegation)}</span>
                        </SubmitButton>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </TableShell>
      ) : (
        <p>{t("joint.cosponsors.none")}</p>
      )}
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
    </section>
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
  const { t, i18n } = useTranslation("submissions");
  const language = i18n.language as Language;
  const speakerName = useSpeakerName();
  return (
    <section aria-labelledby="joint-invitations-title" className="joint-section">
      <h2 id="joint-invitations-title">{t("joint.invitations.title")}</h2>
      {invitations.length ? (
        <>
          <p className="muted">{t("joint.invitations.intro")}</p>
          <TableShell labelledBy="joint-invitations-title" tableClassName="table--cards">
            <thead>
              <tr>
                <th scope="col">{t("joint.invitations.speaker")}</th>
                <th scope="col">{t("joint.invitations.submission")}</th>
                <th scope="col">{t("joint.cosponsors.invited")}</th>
                <th scope="col">{t("joint.invitations.state")}</th>
                {canAnswer ? <th scope="col">{t("joint.invitations.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.submissionId}>
                  <th scope="row" data-label={t("joint.invitations.speaker")}>
                    <SpeakerName speaker={invitation.speaker} />
                  </th>
                  <td data-label={t("joint.invitations.submission")}>{t(invitation.counts ? "joint.invitations.counts" : "joint.invitations.notCounts")}</td>
                  <td data-label={t("joint.cosponsors.invited")} suppressHydrationWarning>
                    {formatInstant(invitation.invitedAt, language, timeZone)}
                  </td>
                  <td data-label={t("joint.invitations.state")}>
                    <Badge tone={STATE_TONE[invitation.state]}>{t(`joint.invitations.states.${invitation.state}`)}</Badge>
                  </td>
                  {canAnswer ? (
                    <td data-label={t("joint.invitations.actions")}>
                      {invitation.state === "invited" || invitation.state === "confirmed" ? (
                        <Form method="post" className="joint-actions">
                          <input type="hidden" name="submissionId" value={invitation.submissionId} />
                          {invitation.state === "invited" ? (
                            <>
                              <SubmitButton name="intent" value="confirm" size="small">
                                {t("joint.invitations.confirm")} <Hidden speaker={invitation.speaker} />
                              </SubmitButton>
                              <SubmitButton name="intent" value="decline" variant="secondary" size="small">
                                {t("joint.invitations.decline")} <Hidden speaker={invitation.speaker} />
                              </SubmitButton>
                            </>
                          ) : (
                            <ConfirmDialog
                              name="intent"
                              value="withdraw"
                              size="small"
                              message={withData(t("joint.invitations.withdrawQuestion", { speaker: speakerName(invitation.speaker, { isolate: true }) }))}
                              confirmLabel={t("joint.invitations.withdraw")}
                            >
                              {t("joint.invitations.withdraw")} <Hidden speaker={invitation.speaker} />
                            </ConfirmDialog>
                          )}
                        </Form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </TableShell>
        </>
      ) : (
        <p>{t("joint.invitations.none")}</p>
      )}
    </section>
  );
}

/** Which row a button acts on, for a screen reader that reads the button alone. */
function Hidden({ speaker }: { speaker: Speaker }) {
  return (
    <span className="visually-hidden">
      <SpeakerName speaker={speaker} />
    </span>
  );
}
