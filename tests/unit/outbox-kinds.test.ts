// Every kind of message the app queues has its name on the outbox page, in the six languages.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../db/files";
import { PASSWORD_RESET_KIND } from "~/lib/password-reset-rules";
import { KNOWN_KINDS } from "~/lib/outbox-kinds";
import { CIRCULATED_KIND } from "~/models/circulation.server";
import { CLEARANCE_MESSAGE_KIND } from "~/models/clearance.server";
import { JOINT_MESSAGE_KINDS } from "~/models/joint.server";
import { MISSION_MESSAGE_KINDS } from "~/models/mission-mail.server";
import { SUBMISSION_MESSAGE_KINDS } from "~/models/submission-submit.server";

const QUEUED = [
  CIRCULATED_KIND,
  CLEARANCE_MESSAGE_KIND,
  PASSWORD_RESET_KIND,
  "invitation",
  ...Object.values(JOINT_MESSAGE_KINDS),
  ...Object.values(MISSION_MESSAGE_KINDS),
  ...Object.values(SUBMISSION_MESSAGE_KINDS),
];

describe("outbox message kinds", () => {
  it("names every kind the app queues", () => {
    expect(QUEUED.filter((kind) => !Object.hasOwn(KNOWN_KINDS, kind))).toEqual([]);
  });

  it.each(["ar", "zh", "en", "fr", "ru", "es"])("has every name in %s", (language) => {
    const kinds = JSON.parse(readFileSync(path.join(projectRoot(), "locales", language, "circulation.json"), "utf8")).kinds;
    const missing = Object.values(KNOWN_KINDS).filter((key) => typeof kinds[key.replace("kinds.", "")] !== "string");
    expect(missing).toEqual([]);
  });
});
