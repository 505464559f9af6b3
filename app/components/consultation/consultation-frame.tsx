import { Link, NavLink, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/ui/error-boundary";
import { StatusBadge } from "~/components/ui/status-badge";
import type { ConsultationPage } from "~/lib/consultation-pages";
import type { ConsultationStatus } from "~/lib/consultation-status";
import { paths } from "~/lib/paths";

export type FrameConsultation = {
  id: string;
  title: string;
  status: ConsultationStatus;
};

/** Where each page of the navigation bar lives. */
const PAGE_PATHS: Record<ConsultationPage, (consultationId: string) => string> = {
  overview: (id) => paths.consultation(id),
  agenda: (id) => paths.agenda(id),
  registrations: (id) => paths.registrations(id),
  groups: (id) => paths.consultationGroups(id),
  circulation: (id) => paths.circulate(id),
  closing: (id) => paths.closing(id),
  submissions: (id) => paths.submissions(id),
  translations: (id) => paths.translations(id),
  sideBySide: (id) => paths.sideBySide(id),
  matrix: (id) => paths.matrix(id),
  crp: (id) => paths.crp(id),
  revision: (id) => paths.revision(id),
  audit: (id) => paths.audit(id),
  submission: (id) => paths.submission(id),
  joint: (id) => paths.joint(id),
  alignments: (id) => paths.alignments(id),
  mission: (id) => paths.mission(id),
  dispositions: (id) => paths.ownDispositions(id),
};

/**
 * The frame of every consultation page: the breadcrumb, the consultation's status and the pages
 * this reader may open (the current one marked for assistive technology by NavLink).
 */
export function ConsultationFrame({ consultation, pages, children }: { consultation: FrameConsultation; pages: ConsultationPage[]; children: ReactNode }) {
  const { t } = useTranslation(["consultations", "common"]);
  return (
    <div className="consultation-frame">
      <div className="consultation-frame__bar">
        <nav aria-label={t("frame.breadcrumb")} className="breadcrumb">
          <ol>
            <li>
              <Link to={paths.home()}>{t("common:nav.consultations")}</Link>
            </li>
            <li>
              {/* The title is the consultation's own, in English, whatever the interface language. */}
              <Link to={paths.consultation(consultation.id)} lang="en" dir="ltr">
                {consultation.title}
              </Link>{" "}
              <StatusBadge status={consultation.status} />
            </li>
          </ol>
        </nav>
        <nav aria-label={t("frame.nav")} className="consultation-nav">
          <ul>
            {pages.map((page) => (
              <li key={page}>
                <NavLink to={PAGE_PATHS[page](consultation.id)} end={page === "overview"} prefetch="intent">
                  {t(`frame.pages.${page}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {children}
    </div>
  );
}

/** The error of one page, shown inside the frame: the reader keeps the consultation's navigation. */
export function ConsultationPageErrorBoundary() {
  return <GeneralErrorBoundary error={useRouteError()} />;
}
