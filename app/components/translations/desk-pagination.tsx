// Page navigation for the desk: GET links that keep the filters, "Page X of Y", and a page number
// field; all of it works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { deskHref, pageNumbers } from "~/lib/desk-paging";
import type { DeskFilterView, DeskT } from "./desk-view";
import { Button } from "~/components/ui/button";

export function DeskPagination({ t, page, pages, filters, id }: { t: DeskT; page: number; pages: number; filters: DeskFilterView; id: string }) {
  if (pages <= 1) return null;
  const href = (n: number) => deskHref({ ...filters, page: n });
  return (
    <nav className="desk-pages" aria-label={t("desk.pages.label")}>
      <p className="desk-pages__where">{t("desk.pages.pageOf", { page, pages })}</p>
      <ul className="desk-pages__links">
        {page > 1 ? (
          <>
            <li>
              <Link to={href(1)}>{t("desk.pages.first")}</Link>
            </li>
            <li>
              <Link to={href(page - 1)} rel="prev">
                {t("desk.pages.previous")}
              </Link>
            </li>
          </>
        ) : null}
        {pageNumbers(page, pages).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="desk-pages__gap">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <span aria-current="page" className="desk-pages__current">
                  {n}
                </span>
              ) : (
                <Link to={href(n)} aria-label={t("desk.pages.page", { page: n })}>
                  {n}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pages ? (
          <>
            <li>
              <Link to={href(page + 1)} rel="next">
                {t("desk.pages.next")}
              </Link>
            </li>
            <li>
              <Link to={href(pages)}>{t("desk.pages.last")}</Link>
            </li>
          </>
        ) : null}
      </ul>
      <Form method="get" className="desk-pages__jump">
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        {filters.language ? <input type="hidden" name="language" value={filters.language} /> : null}
        {filters.delegation ? <input type="hidden" name="delegation" value={filters.delegation} /> : null}
        <label htmlFor={`${id}-page`}>{t("desk.pages.jump")}</label>
        <input id={`${id}-page`} name="page" type="number" inputMode="numeric" min={1} max={pages} defaultValue={page} required />
        <Button type="submit" variant="secondary">
          {t("desk.pages.go")}
        </Button>
      </Form>
    </nav>
  );
}
