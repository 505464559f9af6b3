import { Form, Link } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/button";
import type { ConsultationStatus } from "~/components/ui/status-badge";
import { useTranslation } from "~/i18n/use-translation";
import { paths } from "~/lib/paths";
import { mayManageConsultation } from "~/lib/permissions";
import type { UserRole } from "~/models/user.server";

export type Rounds = { round: number; previousRoundId: string | null; next: { id: string; round: number } | null };

/**
 * The consultation's place among its rounds, as items of the overview's action list: the round
 * before, the round after (for the secretariat, straight to its revised text), and once the
 * reflection period is over the secretariat's way to prepare the revised text.
 */
export function RoundLinks({ consultationId, status, role, rounds }: { consultationId: string; status: ConsultationStatus; role: UserRole; rounds: Rounds }) {
  const { t } = useTranslation("revision");
  const manage = mayManageConsultation({ role });
  return (
    <>
      {rounds.previousRoundId ? (
        <li>
          <Link to={paths.consultation(rounds.previousRoundId)}>{t("round", { round: rounds.round - 1 })}</Link>
        </li>
      ) : null}
      {rounds.next ? (
        <li>
          {manage ? (
            <Link to={paths.revision(rounds.next.id)}>{t("start.open", { number: rounds.next.round - 1 })}</Link>
          ) : (
            <Link to={paths.consultation(rounds.next.id)}>{t("round", { round: rounds.next.round })}</Link>
          )}
        </li>
      ) : manage && (status === "closed" || status === "compiled") ? (
        <li>
          <Form method="post" action={paths.revision(consultationId)}>
            <input type="hidden" name="intent" value="start" />
            <SubmitButton size="small" variant="secondary" aria-describedby="revision-start-hint">
              {t("start.prepare", { number: rounds.round })}
            </SubmitButton>
            <span id="revision-start-hint" className="muted">
              {" "}
              {t("start.hint")}
            </span>
          </Form>
        </li>
      ) : null}
    </>
  );
}
