import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { FormErrors } from "~/components/ui/form-errors";
import { isolate, withData } from "~/components/ui/data-text";
import { ORIGINAL_LINE, type CrpMissing } from "~/documents/crp";
import type { ConsultationStatus } from "~/lib/consultation-status";
import { BlockingList } from "./blocking-list";
import { SubmitButton } from "~/components/ui/button";

/** The date the version is issued on, printed under its symbol: today by default, any day for a CRP rebuilt later. */
function IssueDate({ id, today }: { id: string; today: string }) {
  const { t } = useTranslation("crp");
  return (
    <div className="field">
      <label htmlFor={id}>{t("compile.issuedOn")}</label>
      <p className="field__help" id={`${id}-help`}>
        {t("compile.issuedOnHelp")}
      </p>
      <input type="date" id={id} name="issuedOn" defaultValue={today} required aria-describedby={`${id}-help`} />
    </div>
  );
}

/**
 * Whether the translated delegations' comments carry "[Original: …]": section I already says which
 * were translated from which language. Unticked by default, as every CRP before it.
 */
function OriginalLines({ id }: { id: string }) {
  const { t } = useTranslation("crp");
  return (
    <div className="field">
      <div className="checkbox">
        <input type="checkbox" id={id} name="omitOriginalLines" aria-describedby={`${id}-help`} />
        <label htmlFor={id}>{withData(t("compile.omitOriginalLines", { line: isolate(ORIGINAL_LINE) }))}</label>
      </div>
      <p className="field__help" id={`${id}-help`}>
        {t("compile.omitOriginalLinesHelp")}
      </p>
    </div>
  );
}

/** What blocks the final CRP, and the two compile forms (draft; final with a confirmation). */
export function CompilePanel({
  consultationId,
  status,
  latestVersion,
  missing,
  total,
  canCompileDraft,
  canCompileFinal,
  finalBlocked,
  today,
  errorsFor,
}: {
  consultationId: string;
  status: ConsultationStatus;
  latestVersion: number;
  missing: CrpMissing[];
  total: number;
  canCompileDraft: boolean;
  canCompileFinal: boolean;
  /** Something on the page's own list blocks the final compilation. */
  finalBlocked: boolean;
  /** The default date of issue: today on the meeting's clock ("YYYY-MM-DD"). */
  today: string;
  errorsFor: (intent: "draft" | "final") => string[];
}) {
  const { t } = useTranslation("crp");
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  // A compilation at scale takes seconds: the button says so while the server works.
  const compiling = busy ? navigation.formData?.get("intent") : null;
  return (
    <section aria-labelledby="compile-title" className="panel">
      <h2 id="compile-title">{t("compile.title")}</h2>
      {status === "draft" ? <p className="note">{t("compile.notCirculated")}</p> : null}
      {status === "open" ? <p className="note">{t("compile.openNote")}</p> : null}
      {status === "compiled" ? <p className="note">{t("compile.compiledNote")}</p> : null}
      {/* Once the final CRP is compiled nothing blocks it, and nothing more can be compiled. */}
      {status === "compiled" ? null : <BlockingList consultationId={consultationId} missing={missing} total={total} />}
      {canCompileDraft || canCompileFinal ? (
        <div className="crp-compile">
          {canCompileDraft ? (
            <Form method="post" className="stack crp-compile__form">
              <input type="hidden" name="intent" value="draft" />
              <input type="hidden" name="expectedLatestVersion" value={latestVersion} />
              <p className="muted">{t("compile.draftHelp")}</p>
              <IssueDate id="crp-issued-on-draft" today={today} />
              <OriginalLines id="crp-omit-original-lines-draft" />
              <FormErrors errors={errorsFor("draft")} />
              <SubmitButton variant="secondary" pending={busy}>
                {compiling === "draft" ? t("compile.working") : t("compile.draft")}
              </SubmitButton>
            </Form>
          ) : null}
          {canCompileFinal ? (
            <Form method="post" className="stack crp-compile__form">
              <input type="hidden" name="intent" value="final" />
              <input type="hidden" name="expectedLatestVersion" value={latestVersion} />
              <p className="muted">{t("compile.finalHelp")}</p>
              <IssueDate id="crp-issued-on-final" today={today} />
              <OriginalLines id="crp-omit-original-lines-final" />
              <FormErrors errors={errorsFor("final")} />
              <div className="checkbox">
                <input type="checkbox" id="crp-confirm" name="confirm" required disabled={finalBlocked} />
                <label htmlFor="crp-confirm">{t("compile.confirm")}</label>
              </div>
              <SubmitButton pending={busy} disabled={finalBlocked}>
                {compiling === "final" ? t("compile.working") : t("compile.final")}
              </SubmitButton>
            </Form>
          ) : null}
        </div>
      ) : null}
      <p id="crp-compiling" className="visually-hidden" role="status">
        {compiling === "draft" || compiling === "final" ? t("compile.working") : ""}
      </p>
    </section>
  );
}
