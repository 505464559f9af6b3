import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CRP_HTML_STYLE } from "~/documents/crp";
import type { CrpPreview } from "~/documents/crp-preview";

/**
 * The draft as it would be compiled now, or the final CRP once issued: whole when small, else a
 * list of its parts (section I, each agenda item) and the one asked for.
 */
export function PreviewPanel({ finalVersion, preview }: { finalVersion: number | null; preview: CrpPreview | null }) {
  const { t } = useTranslation("crp");
  const [search] = useSearchParams();
  const partHref = (key: string) => {
    const next = new URLSearchParams(search);
    next.delete("compiled");
    next.delete("saved");
    next.set("preview", key);
    return `?${next}#preview-title`;
  };
  return (
    <section aria-labelledby="preview-title" className="panel">
      <h2 id="preview-title">{finalVersion !== null ? t("preview.finalTitle", { version: finalVersion }) : t("preview.title")}</h2>
      <p className="muted">{finalVersion !== null ? t("preview.finalHelp") : t("preview.help")}</p>
      {preview?.parts ? (
        <>
          <p className="note">{t("preview.inParts", { count: Math.ceil(preview.size / 1_000_000) })}</p>
          <nav aria-label={t("preview.partsLabel")}>
            <ul className="crp-preview-parts" lang="en" dir="ltr">
              {preview.parts.map((part) => (
                <li key={part.key}>
                  <Link to={partHref(part.key)} aria-current={part.key === preview.part ? "true" : undefined}>
                    {[part.heading.label, part.heading.text].filter(Boolean).join(" ") + (part.title ? `: ${part.title}` : "")}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </>
      ) : null}
      {preview?.html ? (
        <div className="crp-preview">
          <style dangerouslySetInnerHTML={{ __html: CRP_HTML_STYLE.replace(/@page[^}]*}/, "") }} />
          {/* crpToHtml escapes every piece of data (&, <, >, quotes) and adds only its own markup. */}
          <div dangerouslySetInnerHTML={{ __html: preview.html }} />
        </div>
      ) : null}
    </section>
  );
}
