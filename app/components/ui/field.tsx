// A form's fields in one shape: the label, a hint and the errors, each tied to the control for
// screen readers (aria-describedby, aria-invalid), so that no form wires them by hand.
import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

/** What a field needs of Conform's metadata: any field, as the forms type theirs differently. */
export type FieldIds = Pick<FieldMetadata<unknown>, "id" | "descriptionId" | "errorId" | "errors">;

/**
 * A labelled control with its hint and errors. The control comes with its aria attributes from
 * Conform (getInputProps and its kin, with ariaDescribedBy: field.descriptionId when there is a
 * hint).
 */
export function Field({
  field,
  label,
  hint,
  children,
}: {
  field: FieldIds;
  /** Text, or text with data in <bdi> (withData). */
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field__help" id={field.descriptionId}>
          {hint}
        </p>
      ) : null}
      {children}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/**
 * Validation messages are translation keys ("auth:errors.invalid") produced on the server or by
 * the same Zod schema in the browser; they are translated only here, at display.
 */
export function FieldErrors({ id, errors, values }: { id?: string; errors?: string[]; values?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="form-errors" role="alert">
      {errors.map((error) => (
        <li key={error}>{String(t(error as never, values as never))}</li>
      ))}
    </ul>
  );
}

export type Choice = { value: string; label: ReactNode };

/**
 * A labelled <select> outside Conform (the GET filter forms of the translation desk and the
 * side-by-side view): a plain control, so that the form works without JavaScript; first an "any"
 * choice (the empty value) when one is given; a hint and errors wired as Field's are.
 */
export function SelectField({
  id,
  name,
  label,
  value,
  any,
  choices,
  hint,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  /** The current choice ("" for none). */
  value: string;
  /** The label of the empty choice ("Any", "All points"), if the filter can be left open. */
  any?: string;
  choices: readonly Choice[];
  hint?: ReactNode;
  errors?: string[];
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-errors` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__help" id={hintId}>
          {hint}
        </p>
      ) : null}
      <select id={id} name={name} defaultValue={value} aria-describedby={describedBy} aria-invalid={errorId ? true : undefined}>
        {any === undefined ? null : <option value="">{any}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
