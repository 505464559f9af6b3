// The top of a page in one shape: its one <h1>, what sits beside the title (a status badge), the
// lead paragraph under it, and the page's main actions.
import type { ReactNode } from "react";

export function PageHeader({
  title,
  titleId,
  aside,
  lead,
  actions,
}: {
  title: ReactNode;
  /** For a section named by its heading (aria-labelledby). */
  titleId?: string;
  /** Beside the title, e.g. <StatusBadge>. */
  aside?: ReactNode;
  lead?: ReactNode;
  /** Links or buttons, at the end of the title's line. */
  actions?: ReactNode;
}) {
  return (
    <>
      <div className="page-title">
        <h1 id={titleId}>{title}</h1>
        {aside}
        {actions ? <div className="page-title__actions">{actions}</div> : null}
      </div>
      {lead ? <p className="lead">{lead}</p> : null}
    </>
  );
}
