import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/ui/button";
import { formatInstant } from "~/lib/dates";
import type { Language } from "~/i18n/languages";
import type { Translate } from "./labels";

/**
 * Whether the delegations read what became of their comments, and (for the secretariat) the
 * button that starts or stops it. Chairs see the state only.
 */
export function DispositionsPublication({
  publishedAt,
  mayPublish,
  busy,
  language,
  timeZone,
  formAction,
  t,
}: {
  publishedAt: Date | string | null;
  mayPublish: boolean;
  busy: boolean;
  language: Language;
  timeZone: string;
  formAction: string;
  t: Translate;
}) {
  return (
    <div className="sbs-publication">
      <p>
        {publishedAt
          ? t("consolidation:publication.published", { date: formatInstant(publishedAt, language, timeZone) })
          : t("consolidation:publication.notPublished")}
      </p>
      {mayPublish ? (
        <Form method="post" action={formAction}>
          <input type="hidden" name="intent" value="publication" />
          <input type="hidden" name="publish" value={publishedAt ? "0" : "1"} />
          <SubmitButton pending={busy} variant="secondary">
            {publishedAt ? t("consolidation:publication.withdraw") : t("consolidation:publication.publish")}
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
