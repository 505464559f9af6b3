import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";

/** The new password and its confirmation, as the change and reset forms both ask for them. */
export function NewPasswordFields({
  newPassword,
  confirmPassword,
  autoFocus,
}: {
  newPassword: FieldMetadata<string>;
  confirmPassword: FieldMetadata<string>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation("account");
  const helpId = `${newPassword.id}-help`;
  return (
    <>
      <div className="field">
        <label htmlFor={newPassword.id}>{t("password.new")}</label>
        <input
          {...getInputProps(newPassword, { type: "password" })}
          autoComplete="new-password"
          dir="ltr"
          autoFocus={autoFocus}
          aria-describedby={`${helpId} ${newPassword.errors ? newPassword.errorId : ""}`.trim()}
        />
        <p id={helpId} className="field__help">
          {t("password.help")}
        </p>
        <FormErrors id={newPassword.errorId} errors={newPassword.errors} />
      </div>
      <div className="field">
        <label htmlFor={confirmPassword.id}>{t("password.confirm")}</label>
        <input {...getInputProps(confirmPassword, { type: "password" })} autoComplete="new-password" dir="ltr" />
        <FormErrors id={confirmPassword.errorId} errors={confirmPassword.errors} />
      </div>
    </>
  );
}
