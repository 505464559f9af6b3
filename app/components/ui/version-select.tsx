// One picker of a version, for the pages that compare two (a point's history, the CRP): a plain
// <select> in a GET form, so that comparing works without JavaScript.

/** A version as the list shows it: its number (the value sent) and the text of its option. */
export type VersionChoice = { number: number; label: string };

export function VersionSelect({
  id,
  name,
  label,
  value,
  versions,
}: {
  id: string;
  name: string;
  label: string;
  value: number;
  versions: readonly VersionChoice[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* Keyed by the value: after a save or a compile the page reloads in place and the new default must show. */}
      <select key={value} id={id} name={name} defaultValue={value}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );
}
