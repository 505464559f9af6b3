import { Link, isRouteErrorResponse } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The page shown for 403, 404 and unexpected errors, in the reader's language. */
export function GeneralErrorBoundary({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 400 ? "badRequest" : "unexpected";
  if (kind === "unexpected" && typeof document !== "undefined") console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{t("errors.status", { status })}</p>
      <h1 id="error-title">{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
