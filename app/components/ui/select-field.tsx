// A labelled choice of a GET filter form (translation desk, side-by-side): a plain <select>, so
// the form works without JavaScript; first an "any" choice (the empty value) when one is given.
import type { ReactNode } from "react";

export type Choice = { value: string; label: ReactNode };

export function SelectField({
  id,
  name,
  label,
  value,
  any,
  choices,
}: {
  id: string;
  name: string;
  label: string;
  /** The current choice ("" for none). */
  value: string;
  /** The label of the empty choice ("Any", "All points"), if the filter can be left open. */
  any?: string;
  choices: readonly Choice[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {any === undefined ? null : <option value="">{any}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
