// Every action the application writes to a consultation's audit log has a readable name in the six
// languages: the audit page and its CSV file fall back to the raw action ("cosponsor.invite") when
// a name is missing, which a secretariat officer should never have to decode.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../db/files";

const LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
/** Actions about accounts, sign-ins and meetings: recorded without a consultation, never on its audit page. */
const INSTANCE_WIDE = /^(user|session|meeting)\./;
/** Actions written from a template (`cosponsor.${answer}`), spelled out. */
const TEMPLATED = ["cosponsor.confirm", "cosponsor.decline", "cosponsor.withdraw"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry) ? [file] : [];
  });
}

/**
 * The dotted actions named where an audit entry is written: `action: "a.b"` (or a choice of two),
 * `audit…(…, "a.b", …)`, and the values of a constant named `…_AUDIT = { … }`.
 */
function writtenActions(): string[] {
  const found = new Set<string>(TEMPLATED);
  for (const file of sources(path.join(projectRoot(), "app"))) {
    const text = readFileSync(file, "utf8");
    const constants = [...text.matchAll(/_AUDIT = \{([^}]*)\}/g)].map((match) => match[1]!);
    const lines = text.split("\n").filter((line) => /\baction: |[aA]udit\w*\(/.test(line));
    for (const part of [...lines, ...constants]) {
      for (const match of part.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(match[1]!);
    }
  }
  return [...found].filter((action) => !INSTANCE_WIDE.test(action)).sort();
}

function label(language: string, action: string): unknown {
  const catalogue = JSON.parse(readFileSync(path.join(projectRoot(), "locales", language, "consultations.json"), "utf8"));
  const [group, name] = action.split(".") as [string, string];
  return catalogue.audit.actions[group]?.[name];
}

describe("audit log action names", () => {
  const actions = writtenActions();

  it("finds the actions the models write", () => {
    expect(actions).toEqual(
      expect.arrayContaining(["submission.submit", "cosponsor.invite", "alignment.create", "revision.merge", "group.coordinator", "submission.cleared"]),
    );
  });

  it.each(LANGUAGES)("names every consultation action in %s", (language) => {
    const missing = actions.filter((action) => typeof label(language, action) !== "string" || !(label(language, action) as string).trim());
    expect(missing).toEqual([]);
  });
});
