// The filter form of the list pages (the translation desk, the side-by-side view, the matrix): a
// plain GET form, so that it works without JavaScript. The page passes its fields (SelectField);
// the parameters it keeps ride along in hidden inputs; applying starts the list afresh.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";

export function FilterForm({
  id,
  title,
  keep = {},
  apply,
  reset,
  status,
  className,
  children,
}: {
  /** The form's id; its heading is `${id}-title`. */
  id: string;
  /** The heading that names the form, if it has one. */
  title?: string;
  /** Query parameters the form does not show but must send again (the agenda item, for one). */
  keep?: Readonly<Record<string, string>>;
  /** The label of the submit button. */
  apply: string;
  /** A link back to the unfiltered list, when something is filtered. */
  reset?: { to: string; label: string } | null;
  /** What is applied, said beside the buttons ("2 filters applied."). */
  status?: ReactNode;
  /** The page's own look ("panel" for a boxed form). */
  className?: string;
  /** The fields. */
  children: ReactNode;
}) {
  const titleId = `${id}-title`;
  return (
    <Form id={id} method="get" className={className ? `filter-form ${className}` : "filter-form"} aria-labelledby={title ? titleId : undefined}>
      {title ? (
        <h2 id={titleId} className="filter-form__title">
          {title}
        </h2>
      ) : null}
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="filter-form__fields">{children}</div>
      <div className="filter-form__buttons">
        <Button type="submit">{apply}</Button>
        {reset ? <Link to={reset.to}>{reset.label}</Link> : null}
        {status ? (
          <span className="muted" role="status">
            {status}
          </span>
        ) : null}
      </div>
    </Form>
  );
}
