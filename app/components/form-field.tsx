import type { FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { FormErrors } from "./form-errors";

/** A labelled control with its help text and errors, wired for screen readers. */
export function FormField({
  field,
  label,
  help,
  children,
}: {
  // Any field: the form components type their fields differently.
  field: Pick<FieldMetadata<unknown>, "id" | "descriptionId" | "errorId" | "errors">;
  /** Text, or text with data in <bdi> (withData). */
  label: ReactNode;
  help?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {help ? (
        <p className="field__help" id={field.descriptionId}>
          {help}
        </p>
      ) : null}
      {children}
      <FormErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
