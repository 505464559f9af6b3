import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { SubmitButton } from "~/components/ui/button";
import { formatInstant } from "~/lib/dates";
import { paths } from "~/lib/paths";

/**
 * One click reminds every mission that has not submitted. Says when the last reminder went and,
 * once one went today, why the button waits until tomorrow (the server refuses a second anyway).
 */
export function RemindPanel({
  consultationId,
  lastReminder,
  remindedToday,
  deadlinePassed,
  nobody,
  timeZone,
  errors,
  errorValues,
}: {
  consultationId: string;
  lastReminder: { at: string | Date; byName: string | null; messages: number; delegations: number } | null;
  remindedToday: boolean;
  deadlinePassed: boolean;
  nobody: boolean;
  timeZone: string;
  errors?: string[];
  errorValues?: Record<string, string>;
}) {
  const { t, i18n } = useTranslation("consultations");
  const navigation = useNavigation();
  const date = (value: string | Date) => formatInstant(value, i18n.language, timeZone);
  const blocked = remindedToday ? "today" : deadlinePassed ? "afterDeadline" : nobody ? "nobody" : null;
  return (
    <section className="panel stack" aria-labelledby="remind-title">
      <h2 id="remind-title">{t("closing.remind.title")}</h2>
      <p>{t("closing.remind.help")}</p>
      {/* Issue 19: who is not reminded, and who is although the text is written. */}
      <p className="muted">{t("closing.remind.clearanceAndAlignment")}</p>
      <p data-testid="last-reminder">
        {lastReminder
          ? t("closing.remind.last", {
              date: date(lastReminder.at),
              name: lastReminder.byName ?? "—",
              messages: lastReminder.messages,
              delegations: lastReminder.delegations,
            })
          : t("closing.remind.none")}
      </p>
      {blocked ? <p className="note">{t(`closing.remind.${blocked}`)}</p> : null}
      <FormErrors errors={errors} values={errorValues?.time ? { time: date(errorValues.time) } : undefined} />
      <Form method="post" action={paths.closing(consultationId)}>
        <input type="hidden" name="intent" value="remind" />
        <SubmitButton variant="secondary" pending={navigation.state !== "idle"} disabled={Boolean(blocked)}>
          {t("closing.remind.button")}
        </SubmitButton>
      </Form>
      <p className="muted">
        <Link to={paths.outbox({ consultation: consultationId })}>{t("closing.remind.outbox")}</Link>
      </p>
    </section>
  );
}
