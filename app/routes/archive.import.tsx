import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { ArchiveProblems } from "~/components/archive/archive-problems";
import { ImportPreview } from "~/components/archive/import-preview";
import { Button, SubmitButton } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { ARCHIVE_MAX_BYTES, readArchiveText, type ArchiveProblem } from "~/lib/archive-schema";
import { paths } from "~/lib/paths";
import {
  ArchiveConfirmationError,
  ArchiveValidationError,
  importConsultationArchive,
  previewConsultationArchive,
  type ImportPlan,
} from "~/models/archive.server";
import { clientAddress, requireRole } from "~/utils/auth.server";
import type { TitleHandle } from "~/components/ui/document-title";

export const handle: TitleHandle<typeof loader> = { title: (t, _data) => t("archive:import.title") };

// How many of an archive's problems the page lists (the command line lists more).
const PROBLEMS_SHOWN = 20;

// Two steps: the file is checked and what it would do is shown (the accounts it creates, the
// chairs it gives access); the officer confirms with the same file and the preview's digest, and
// only then is anything written. Every refusal is a 400 with nothing written.
export type ActionResult =
  | { ok: true; consultationId: string; title: string; remapped: boolean; receiptPrefix: string }
  | { ok: "preview"; plan: ImportPlan }
  | { ok: false; error: "noFile" | "tooLarge" | "notJson" }
  | { ok: false; error: "invalid"; problems: ArchiveProblem[]; total: number }
  | { ok: false; error: "changed"; plan: ImportPlan };

/** The secretariat only: chairs and delegates get 403. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return { maxMegabytes: ARCHIVE_MAX_BYTES / (1024 * 1024) };
}

type Upload = { bytes: Uint8Array | null; intent: string | null; confirmation: string | null };

/** Reads the uploaded file (the "archive" part, at most ARCHIVE_MAX_BYTES) and the two short fields. */
async function readUpload(request: Request): Promise<Upload | "tooLarge" | null> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return null;
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: ARCHIVE_MAX_BYTES });
  const upload: Upload = { bytes: null, intent: null, confirmation: null };
  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      if (part.name === "archive" && part.filename) {
        const value = await memory(part);
        if (value && typeof value !== "string") upload.bytes = new Uint8Array(await value.arrayBuffer());
      } else if (part.name === "intent" || part.name === "confirmation") {
        let text = "";
        for await (const chunk of part.data) {
          text += new TextDecoder().decode(chunk);
          if (text.length > 200) throw data({ reason: "bad_request" }, { status: 400 });
        }
        upload[part.name] = text;
      }
      return undefined;
    });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    throw data({ reason: "bad_request" }, { status: 400 });
  }
  return upload;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const upload = await readUpload(request);
  const refuse = (result: ActionResult) => data(result, { status: 400 });
  if (upload === "tooLarge") return refuse({ ok: false, error: "tooLarge" });
  if (upload === null || upload.bytes === null || upload.bytes.byteLength === 0) return refuse({ ok: false, error: "noFile" });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(upload.bytes);
  } catch {
    return refuse({ ok: false, error: "notJson" });
  }
  // The nesting is checked on the text, before JSON.parse builds anything.
  const read = readArchiveText(text);
  if (!read.ok) {
    return read.reason === "notJson"
      ? refuse({ ok: false, error: "notJson" })
      : refuse({ ok: false, error: "invalid", problems: read.problems, total: read.problems.length });
  }
  try {
    if (upload.intent !== "confirm") {
      const plan = await previewConsultationArchive(user, read.value);
      if (!plan) throw data({ reason: "forbidden" }, { status: 403 });
      return { ok: "preview", plan } satisfies ActionResult;
    }
    const result = await importConsultationArchive(user, read.value, { ipAddress: clientAddress(context), confirmation: upload.confirmation ?? "" });
    if (!result) throw data({ reason: "forbidden" }, { status: 403 });
    return { ok: true, ...result } satisfies ActionResult;
  } catch (error) {
    if (error instanceof ArchiveConfirmationError) return refuse({ ok: false, error: "changed", plan: error.plan });
    if (!(error instanceof ArchiveValidationError)) throw error;
    return refuse({ ok: false, error: "invalid", problems: error.problems.slice(0, PROBLEMS_SHOWN), total: error.problems.length });
  }
}

export default function ImportArchivePage() {
  // The limit comes from the loader, so that the format's schema stays out of the browser's bundle.
  const { maxMegabytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const { t } = useTranslation("archive");
  const busy = navigation.state === "submitting";
  const plan = result?.ok === "preview" ? result.plan : result?.ok === false && result.error === "changed" ? result.plan : null;
  const failed = result?.ok === false && result.error !== "changed";
  return (
    <section className="stack archive-import">
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.intro")}</p>

      {result?.ok === true ? (
        <Notice as="div" tone="success" className="archive-import__done">
          <p>{t(result.remapped ? "import.doneCopy" : "import.done", { title: result.title, prefix: result.receiptPrefix })}</p>
          <p>
            <Button to={paths.consultation(result.consultationId)}>{t("import.open")}</Button>
          </p>
        </Notice>
      ) : null}

      {result?.ok === false && result.error !== "changed" ? (
        <div className="form-errors archive-import__errors" role="alert" id="archive-errors">
          <p>{t(`errors.${result.error}`, { size: maxMegabytes })}</p>
          {result.error === "invalid" ? <ArchiveProblems problems={result.problems} total={result.total} /> : null}
        </div>
      ) : null}

      {plan ? <ImportPreview plan={plan} changed={result?.ok === false} /> : null}

      {/* One form for both steps: with JavaScript the chosen file stays chosen for the confirmation. */}
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="archive-file">{t("import.file")}</label>
          <input
            id="archive-file"
            name="archive"
            type="file"
            accept=".json,application/json"
            required
            aria-describedby="archive-file-hint"
            aria-invalid={failed ? true : undefined}
            aria-errormessage={failed ? "archive-errors" : undefined}
          />
          <p id="archive-file-hint" className="muted">
            {t(plan ? "preview.fileHint" : "import.hint", { size: maxMegabytes })}
          </p>
        </div>
        {plan ? <input type="hidden" name="confirmation" value={plan.confirmation} /> : null}
        <p className="actions">
          {plan ? (
            <>
              <SubmitButton name="intent" value="confirm" pending={busy}>
                {busy ? t("import.importing") : t("preview.confirm")}
              </SubmitButton>{" "}
              <SubmitButton variant="secondary" name="intent" value="preview" pending={busy}>
                {t("preview.again")}
              </SubmitButton>
            </>
          ) : (
            <SubmitButton name="intent" value="preview" pending={busy}>
              {busy ? t("preview.checking") : t("preview.check")}
            </SubmitButton>
          )}
        </p>
      </Form>
    </section>
  );
}
