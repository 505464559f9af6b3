// The head of the delegate's pages beside the editor (the joint submission, the alignments): the
// way back to the draft, the title and lead, the deadline, and what the page says once: that it is
// closed, what the last action did, why it was refused.
import type { LinksFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { EditorDeadline } from "~/components/ui/editor-deadline";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";
import { useTranslation } from "~/i18n/use-translation";
import { paths } from "~/lib/paths";
import submissionStylesheet from "~/styles/submission.css?url";
import jointStylesheet from "~/styles/joint.css?url";

export const jointLinks: LinksFunction = () => [
  { rel: "stylesheet", href: submissionStylesheet },
  { rel: "stylesheet", href: jointStylesheet },
];

export type JointPageData = {
  consultation: { id: string };
  deadline: { effective: string | Date | null };
  meeting: { timeZone: string };
  readerTimeZone: string | null;
};

export function JointPageHead({
  page,
  title,
  lead,
  closed,
  notice,
  error,
}: {
  page: JointPageData;
  title: string;
  lead: string;
  /** Why nothing can be changed any more, if so. */
  closed: string | null;
  /** What the last action did. */
  notice: ReactNode;
  /** The refusal's translation key. */
  error: string | undefined;
}) {
  const { t } = useTranslation(["submissions", "common"]);
  return (
    <>
      <p className="eyebrow">
        <Link to={paths.submission(page.consultation.id)}>{t("receipt.backToEditor")}</Link>
      </p>
      <PageHeader title={title} lead={lead} />
      <EditorDeadline deadline={page.deadline.effective} meeting={page.meeting.timeZone} reader={page.readerTimeZone} />
      {closed ? (
        <Notice tone="warning" announce={false}>
          {closed}
        </Notice>
      ) : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {error ? <Notice tone="danger">{t(error as never)}</Notice> : null}
    </>
  );
}
