import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Translate } from "./labels";

/** The consultation's agenda items, one link each (the view shows one item at a time). */
export function ItemNav({
  items,
  currentId,
  hrefOf,
  labelOf,
  t,
}: {
  items: { id: string; number: string | null; title: string; pointCount: number }[];
  currentId: string | null;
  hrefOf: (item: { id: string; number: string | null }) => string;
  labelOf: (item: { number: string | null }) => ReactNode;
  t: Translate;
}) {
  return (
    <nav aria-label={t("sideBySide.items")} className="sbs-items">
      <ul>
        {items.map((i) => (
          <li key={i.id}>
            <Link to={hrefOf(i)} aria-current={i.id === currentId ? "page" : undefined}>
              <span className="sbs-items__number">{labelOf(i)}</span>{" "}
              <span lang="en" dir="ltr">
                {i.title}
              </span>{" "}
              <span className="muted">({t("sideBySide.pointCount", { count: i.pointCount })})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
