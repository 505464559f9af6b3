// /consultations/:id/submission/dispositions — what became of the delegation's comments: for each
// comment and amendment of its current revision, the disposition and the observations of the
// Secretariat, once the secretariat has published them. The delegation's own: 404 to anyone else.
import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OwnDispositions } from "~/components/submission/own-dispositions";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import type { TitleHandle } from "~/components/ui/document-title";
import { withData } from "~/components/ui/data-text";
import { PageHeader } from "~/components/ui/page-header";
import { useTranslation } from "~/i18n/use-translation";
import type { Language } from "~/i18n/languages";
import { nameInSentence } from "~/lib/delegation-names";
import { formatInstant } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import { getOwnDispositions } from "~/models/disposition.server";
import { getAnsweringPoints } from "~/models/revision.server";
import { requireUser } from "~/utils/auth.server";
import submissionStylesheet from "~/styles/submission.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: submissionStylesheet }];

export const handle: TitleHandle<typeof loader> = {
  title: (t, data, language) => t("submissions:dispositions.title", { delegation: nameInSentence(data.delegation, language, { isolate: true }) }),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = isUuid(params.consultationId) ? await getOwnDispositions(user, params.consultationId) : null;
  if (!page) throw data({ reason: "not_found" }, { status: 404 });
  // Once the next round's revised text is circulated: the points of it that take each comment up.
  const answering = page.entries.length ? await getAnsweringPoints(user, params.consultationId!) : new Map<string, { label: string; text: string }[]>();
  const entries = page.entries.map((entry) => ({ ...entry, answeredBy: answering.get(entry.commentId) ?? [] }));
  return { ...page, entries, readerTimeZone: user.timeZone ?? "UTC" };
}

export default function OwnDispositionsPage() {
  const { delegation, publishedAt, entries, readerTimeZone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("submissions");
  return (
    <article className="own-dispositions">
      <PageHeader
        title={withData(t("dispositions.title", { delegation: nameInSentence(delegation, i18n.language as Language, { isolate: true }) }))}
        lead={publishedAt ? t("dispositions.lead", { date: formatInstant(publishedAt, i18n.language, readerTimeZone) }) : t("dispositions.notPublished")}
      />
      {publishedAt ? <OwnDispositions entries={entries} /> : null}
    </article>
  );
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
