import tinos400 from "@fontsource/tinos/400.css?url";
import tinos700 from "@fontsource/tinos/700.css?url";
import { data, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { PendingText } from "~/components/ui/redline";
import { buildNonPaperModel, type NonPaperHeading } from "~/documents/non-paper";
import { UN_MAX_HANGING_LABEL } from "~/documents/un-styles";
import { isUuid } from "~/lib/ids";
import { paths } from "~/lib/paths";
import { getNonPaperForUser } from "~/models/non-paper.server";
import { requireUser } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";
import { ConsultationPageErrorBoundary } from "~/components/consultation/consultation-frame";
import { Button } from "~/components/ui/button";
import nonPaperStylesheet from "~/styles/non-paper.css?url";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("consultations:actions.nonPaper") };

// Tinos has the metrics of Times New Roman: the page breaks its lines as Word does the DOCX,
// on machines without Times New Roman. Only this page loads it.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tinos400 },
  { rel: "stylesheet", href: tinos700 },
  { rel: "stylesheet", href: nonPaperStylesheet },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // A malformed id, a consultation the user may not see and one not yet circulated all answer 404.
  const source = isUuid(params.consultationId) ? await getNonPaperForUser(user, params.consultationId) : null;
  if (!source) throw data({ reason: "not_found" }, { status: 404 });
  return { consultationId: source.consultation.id, model: buildNonPaperModel(source) };
}

export default function NonPaperPage() {
  const { consultationId, model } = useLoaderData<typeof loader>();
  const { t } = useTranslation("documents");
  return (
    <div className="non-paper-page">
      <div className="np-toolbar" role="group" aria-label={t("nonPaper.actions")}>
        <Link to={paths.consultation(consultationId)}>{t("nonPaper.back")}</Link>
        <div className="np-toolbar__actions">
          <Button variant="secondary" onClick={() => window.print()}>
            {t("nonPaper.print")}
          </Button>
          <Button reloadDocument to={paths.nonPaperDocx(consultationId)} download={model.fileName}>
            {t("nonPaper.download")}
          </Button>
          <Button reloadDocument variant="secondary" to={paths.nonPaperPdf(consultationId)} download={model.fileName.replace(/\.docx$/, ".pdf")}>
            {t("nonPaper.downloadPdf")}
          </Button>
        </div>
      </div>
      {model.draft ? (
        <p className="np-notice" role="note">
          {t("nonPaper.draftNotice")}
        </p>
      ) : null}
      <p className="np-language-note">{t("nonPaper.languageNote")}</p>

      {/* The document itself is in English, the working language, whatever the interface language. */}
      <article className={`np-document${model.draft ? " np-document--draft" : ""}`} lang="en" dir="ltr">
        {model.draftMark ? (
          <>
            {/* The mark goes in the top margin of every printed page, too. */}
            <style dangerouslySetInnerHTML={{ __html: printedPageHead(model.draftMark) }} />
            <p className="np-draft-mark">{model.draftMark}</p>
          </>
        ) : null}
        <header className="np-masthead">
          <p className="np-kind">{model.kind}</p>
          {model.masthead.map((line, index) => (
            <p key={index} className={line.strong ? "np-masthead__body" : undefined}>
              {line.text}
            </p>
          ))}
        </header>
        <h1 className="np-title">{model.title}</h1>
        {model.datelines.map((line, index) => (
          <p key={index} className="np-text">
            {line}
          </p>
        ))}
        {model.sections.map((section, index) => (
          <section key={index} className="np-section" aria-labelledby={`np-section-${index}`}>
            <Heading level={2} id={`np-section-${index}`} heading={section.heading} />
            {section.subheading ? <Heading level={3} heading={section.subheading} /> : null}
            {section.introduction.map((text, i) => (
              <p key={i} className="np-text">
                {text}
              </p>
            ))}
            {section.points.length ? (
              <ol className="np-points">
                {section.points.map((point, i) => (
                  <li key={i} className={`np-point${point.label.length > UN_MAX_HANGING_LABEL ? " np-point--long-label" : ""}`}>
                    <span className="np-point__label">{point.label}</span>
                    <div className="np-point__text">
                      {point.paragraphs.map((paragraph, j) => (
                        <p key={j}>
                          <PendingText text={paragraph} />
                        </p>
                      ))}
                    </div>
                  </li>
                ))}
              </ol>
            ) : null}
          </section>
        ))}
        <hr className="np-end-rule" />
      </article>
    </div>
  );
}

function Heading({ level, id, heading }: { level: 2 | 3; id?: string; heading: NonPaperHeading }) {
  const Tag = level === 2 ? "h2" : "h3";
  return (
    <Tag id={id} className={`np-heading np-heading--${level}`}>
      {heading.label ? <span className="np-heading__label">{heading.label} </span> : null}
      <span className="np-heading__text">{heading.text}</span>
    </Tag>
  );
}

/** A print rule putting `text` in the top margin of every page of the non-paper, as a CSS string. */
function printedPageHead(text: string) {
  // JSON quoting is valid CSS string quoting; "<" is escaped so the text cannot close the element.
  const css = JSON.stringify(text).replace(/</g, "\\3C ");
  return `@page non-paper { @top-right { content: ${css}; font: 700 9pt "Times New Roman", Tinos, "Liberation Serif", serif; } }`;
}

export const ErrorBoundary = ConsultationPageErrorBoundary;
