import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { SubmitButton } from "~/components/ui/button";
import { isolate, withData } from "~/components/ui/data-text";
import { formatStatusTime } from "~/lib/delegation-state";

export type ClearancePanelData = {
  required: boolean;
  approver: boolean;
  approvers: number;
  state: "notRequired" | "cleared" | "awaiting" | "uncleared";
  request: { at: string | Date; byName: string } | null;
  clearance: { at: string | Date; byName: string } | null;
};

/**
 * Clearance inside the mission (issue 19), on the delegation's editor: what it means for the reader
 * (a drafter asks, an approver clears and submits), who asked and when, who cleared the current
 * text; and, for an approver, the switch that makes the mission require it. Nothing for a drafter
 * of a mission that does not require clearance.
 */
export function ClearancePanel({ clearance, timeZone, canChange }: { clearance: ClearancePanelData; timeZone: string; canChange: boolean }) {
  const { t, i18n } = useTranslation("submissions");
  const navigation = useNavigation();
  if (!clearance.required && !clearance.approver) return null;
  const when = (instant: string | Date) => isolate(formatStatusTime(instant, i18n.language, timeZone));
  const switching = navigation.state !== "idle" && navigation.formData?.get("intent") === "set-clearance";
  return (
    <section className="submission-page__clearance" aria-labelledby="clearance-title">
      <h2 id="clearance-title">{t("clearance.title")}</h2>
      <p>{t(!clearance.required ? "clearance.notRequired" : clearance.approver ? "clearance.requiredApprover" : "clearance.requiredDrafter")}</p>
      {clearance.request ? (
        <p className="submission-page__clearance-state">
          {withData(
            t(clearance.approver ? "clearance.awaitingApprover" : "clearance.awaiting", {
              name: isolate(clearance.request.byName),
              time: when(clearance.request.at),
            }),
          )}
        </p>
      ) : null}
      {clearance.clearance ? (
        <p className="submission-page__clearance-state">
          {withData(t("clearance.cleared", { name: isolate(clearance.clearance.byName), time: when(clearance.clearance.at) }))}
        </p>
      ) : null}
      {clearance.approver && canChange ? (
        <Form method="post">
          <input type="hidden" name="intent" value="set-clearance" />
          <input type="hidden" name="required" value={clearance.required ? "off" : "on"} />
          <p className="muted">{t("clearance.setting.help")}</p>
          <SubmitButton variant="secondary" size="small" pending={switching}>
            {t(clearance.required ? "clearance.setting.turnOff" : "clearance.setting.turnOn")}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
