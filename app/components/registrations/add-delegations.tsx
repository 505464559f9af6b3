// Adding delegations: choose them from the list or paste a report's attendance paragraph, then
// check what the pasted names matched. The forms themselves are in registration-forms.tsx.
import { useTranslation } from "~/i18n/use-translation";
import { PasteForm, PickForm, ReviewForm, type DelegationOption } from "~/components/registrations/registration-forms";
import type { RegistrationsActionData } from "~/lib/registration-forms";

export function AddDelegations({
  delegations,
  byId,
  initialFilter,
  actionData,
}: {
  delegations: DelegationOption[];
  byId: Map<string, DelegationOption>;
  initialFilter: string;
  actionData: RegistrationsActionData | undefined;
}) {
  const { t } = useTranslation("registrations");
  return (
    <section aria-labelledby="add-title" className="panel">
      <h2 id="add-title">{t("add.title")}</h2>
      <div className="registrations__add">
        <PickForm
          delegations={delegations}
          initialFilter={initialFilter}
          lastResult={actionData?.intent === "register" && actionData.source !== "review" ? actionData.result : undefined}
        />
        <PasteForm lastResult={actionData?.intent === "review" ? actionData.result : undefined} names={actionData?.names} />
      </div>
      {actionData?.review ? (
        <ReviewForm
          rows={actionData.review}
          names={actionData.names ?? ""}
          delegations={byId}
          lastResult={actionData.intent === "register" ? actionData.result : undefined}
        />
      ) : null}
    </section>
  );
}
