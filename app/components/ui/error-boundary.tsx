import { Link, isRouteErrorResponse, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { buttonClass } from "~/components/ui/button";
import { paths } from "~/lib/paths";

/** The HTTP status of an error a route threw, and which of the error pages (common:errors.*) shows it. */
export function errorKind(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind =
    status === 404
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 400
          ? "badRequest"
          : status === 503
            ? "unavailable"
            : status === 507
              ? "storageFull"
              : "unexpected";
  return { status, kind } as const;
}

/**
 * The page shown for 403, 404, 503, 507 and unexpected errors, in the reader's language. 503 is the
 * database out of reach for a moment (a restart, a failover: app/utils/database-outage.server.ts):
 * the reader is asked to try again, with a link that reloads the page. 507 is its disk full: nothing
 * was saved, and the secretariat must free space first.
 */
export function GeneralErrorBoundary({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { status, kind } = errorKind(error);
  if (kind === "unexpected" && typeof document !== "undefined") console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{t("errors.status", { status })}</p>
      <h1 id="error-title">{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      {kind === "unavailable" ? (
        <p>
          {/* A full reload: the page's own data is fetched again, not just this boundary redrawn. */}
          <a href={location.pathname + location.search} className={buttonClass()} data-testid="try-again">
            {t("errors.tryAgain")}
          </a>
        </p>
      ) : null}
      <p>
        <Link to={paths.home()}>{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
