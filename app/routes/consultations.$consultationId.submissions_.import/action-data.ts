import type { SubmissionResult } from "@conform-to/react";
import type { ImportIssue, ImportReviewData } from "~/components/submissions/import-review";
import type { KeptOriginal } from "~/lib/submission-import-forms";

/** What the action answers: the upload step again (with its errors), or the review of the note. */
export type ActionData =
  | { step: "upload"; result: SubmissionResult<string[]>; upload: ImportIssue | null; kept: KeptOriginal | null }
  | { step: "review"; review: ImportReviewData; result: SubmissionResult<string[]> | null; issues: ImportIssue[] };
