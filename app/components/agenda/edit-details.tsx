import type { ReactNode } from "react";
import { useHasErrors } from "~/components/agenda/agenda-editor";

/** A form folded away until asked for; it opens by itself when it comes back with errors. */
export function EditDetails({ formKey, summary, context, children }: { formKey: string; summary: string; context: string; children: ReactNode }) {
  const hasErrors = useHasErrors(formKey);
  return (
    <details className="agenda-details" open={hasErrors || undefined}>
      <summary>
        {summary}
        <span className="visually-hidden"> {context}</span>
      </summary>
      {children}
    </details>
  );
}
