import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ARCHIVE_MAX_BYTES, type ArchiveProblem } from "~/lib/archive-schema";
import { ArchiveValidationError, importConsultationArchive } from "~/models/archive.server";
import { clientAddress, requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Import a consultation · Nonpaper" }];

// How many of an archive's problems the page lists (the command line lists more).
const PROBLEMS_SHOWN = 20;

type ActionResult =
  | { ok: true; consultationId: string; title: string; remapped: boolean; receiptPrefix: string }
  | { ok: false; error: "noFile" | "tooLarge" | "notJson" }
  | { ok: false; error: "invalid"; problems: ArchiveProblem[]; total: number };

/** The secretariat only: chairs and delegates get 403. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "secretariat");
  return { maxMegabytes: ARCHIVE_MAX_BYTES / (1024 * 1024) };
}

/** Reads the uploaded file (the "archive" part) into memory, at most ARCHIVE_MAX_BYTES. */
async function readUpload(request: Request): Promise<Uint8Array | "tooLarge" | null> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return null;
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: ARCHIVE_MAX_BYTES });
  let bytes: Uint8Array | null = null;
  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      const value = await memory(part);
      if (value && typeof value !== "string" && part.name === "archive" && part.filename) bytes = new Uint8Array(await value.arrayBuffer());
      return undefined;
    });
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    throw data({ reason: "bad_request" }, { status: 400 });
  }
  return bytes;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "secretariat");
  const upload = await readUpload(request);
  const refuse = (result: ActionResult) => data(result, { status: 400 });
  if (upload === "tooLarge") return refuse({ ok: false, error: "tooLarge" });
  if (upload === null || upload.byteLength === 0) return refuse({ ok: false, error: "noFile" });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(upload));
  } catch {
    return refuse({ ok: false, error: "notJson" });
  }
  try {
    const result = await importConsultationArchive(user, value, { ipAddress: clientAddress(context) });
    if (!result) throw data({ reason: "forbidden" }, { status: 403 });
    return { ok: true, ...result } satisfies ActionResult;
  } catch (error) {
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
  return (
    <section className="stack archive-import">
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.intro")}</p>

      {result?.ok ? (
        <div className="archive-import__done" role="status">
          <p>{t(result.remapped ? "import.doneCopy" : "import.done", { title: result.title, prefix: result.receiptPrefix })}</p>
          <p>
            <Link to={`/consultations/${result.consultationId}`} className="button">
              {t("import.open")}
            </Link>
          </p>
        </div>
      ) : null}

      {result && !result.ok ? (
        <div className="form-errors archive-import__errors" role="alert" id="archive-errors">
          <p>{t(`errors.${result.error}`, { size: maxMegabytes })}</p>
          {result.error === "invalid" ? (
            <>
              <p>{t("errors.problems", { count: result.total })}</p>
              {/* The paths and details are those of the file's format, which is written in English. */}
              <ul lang="en" dir="ltr">
                {result.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.path}</code>: {p.message}
                  </li>
                ))}
              </ul>
              {result.total > result.problems.length ? <p>{t("errors.more", { count: result.total - result.problems.length })}</p> : null}
            </>
          ) : null}
        </div>
      ) : null}

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
            aria-invalid={result && !result.ok ? true : undefined}
            aria-errormessage={result && !result.ok ? "archive-errors" : undefined}
          />
          <p id="archive-file-hint" className="muted">
            {t("import.hint", { size: maxMegabytes })}
          </p>
        </div>
        <p>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t("import.importing") : t("import.submit")}
          </button>
        </p>
      </Form>
    </section>
  );
}
