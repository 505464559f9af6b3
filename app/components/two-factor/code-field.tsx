import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { FormErrors } from "~/components/ui/form-errors";

/**
 * The field for a code. A time-based code gets the phone's digit keypad and the browser's
 * one-time-code autofill; a recovery code (letters and digits) a plain text field. Either way
 * left to right, also in an Arabic page, as the app and the printed list show it.
 */
export function CodeField({
  field,
  label,
  help,
  kind = "totp",
  autoFocus = false,
}: {
  field: FieldMetadata<string>;
  label: string;
  help?: string;
  kind?: "totp" | "recovery";
  autoFocus?: boolean;
}) {
  const helpId = `${field.id}-help`;
  const describedBy = [help ? helpId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input
        {...getInputProps(field, { type: "text" })}
        className={kind === "totp" ? "code-input code-input--digits" : "code-input"}
        inputMode={kind === "totp" ? "numeric" : "text"}
        autoComplete={kind === "totp" ? "one-time-code" : "off"}
        autoCapitalize={kind === "totp" ? "off" : "characters"}
        spellCheck={false}
        dir="ltr"
        aria-describedby={describedBy || undefined}
        autoFocus={autoFocus}
      />
      {help ? (
        <p id={helpId} className="field__help">
          {help}
        </p>
      ) : null}
      <FormErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
