import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { withData, isolate } from "~/components/ui/data-text";
import { buttonClass, SubmitButton } from "~/components/ui/button";
import { DISABLE_REASON_MAX_LENGTH } from "~/lib/account-forms";

/**
 * The secretariat's "Disable" / "Enable" for one account on /users. Disabling opens a small form
 * first (an optional reason and a confirmation): it ends the person's sessions at once.
 */
export function AccountStatusForm({ user }: { user: { id: string; name: string; disabledAt: string | Date | null } }) {
  const { t } = useTranslation("account");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("userId") === user.id;
  if (user.disabledAt) {
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="enable" />
        <input type="hidden" name="userId" value={user.id} />
        <SubmitButton variant="secondary" size="small" pending={busy}>
          {t("disable.enable")}
          <span className="visually-hidden"> {withData(isolate(user.name))}</span>
        </SubmitButton>
      </Form>
    );
  }
  const reasonId = `disable-reason-${user.id}`;
  const confirmId = `disable-confirm-${user.id}`;
  return (
    <details className="account__disable">
      <summary className={buttonClass({ variant: "danger", size: "small" })}>
        {t("disable.open")}
        <span className="visually-hidden"> {withData(isolate(user.name))}</span>
      </summary>
      <Form method="post" className="stack account__disable-form">
        <input type="hidden" name="intent" value="disable" />
        <input type="hidden" name="userId" value={user.id} />
        <div className="field">
          <label htmlFor={reasonId}>{t("disable.reason")}</label>
          <input id={reasonId} name="reason" type="text" maxLength={DISABLE_REASON_MAX_LENGTH} dir="auto" />
        </div>
        <div className="account__confirm">
          <input id={confirmId} name="confirm" type="checkbox" required />
          <label htmlFor={confirmId}>{withData(t("disable.confirm", { name: isolate(user.name) }))}</label>
        </div>
        <SubmitButton variant="danger" size="small" pending={busy}>
          {t("disable.submit")}
        </SubmitButton>
      </Form>
    </details>
  );
}
