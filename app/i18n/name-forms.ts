// Delegation names in their grammar. French and Spanish put an article before most country names
// and contract it with the preposition ("du Pérou", "des Pays-Bas (Royaume des)", "del Perú"); a
// translation asks for the form it needs after a comma, `{{delegation, of}}`, and the value is a
// NameInSentence (app/lib/delegation-names.ts) that carries the name and its stored article. English,
// Russian, Arabic and Chinese translations write `{{delegation}}` (Russian, Arabic and Chinese
// sentences are built so that the name stands in the nominative: "делегации ({{delegation}})").
import type { i18n } from "i18next";
import { isNameInSentence } from "~/lib/delegation-names";

/** The forms a translation may ask for: "of" (de, del), "for" (pour, para), "the" (the article alone). */
export const NAME_FORMS = ["of", "for", "the"] as const;
export type NameForm = (typeof NAME_FORMS)[number];

/** The languages whose translations use the forms. */
export const LANGUAGES_WITH_NAME_FORMS = ["fr", "es"] as const;

const FSI = "\u2068";
const PDI = "\u2069";

// French elides "de" before a vowel or a mute h ("d'Israël", "d'Haïti"): every h that begins a
// UN country name without an article is mute.
const FRENCH_ELISION = /^[aeiouàâäæéèêëîïôöœùûüh]/i;

function french(form: NameForm, name: string, article: string | null, bare: string): string {
  const elided = article === "l'" || article === "l’";
  const the = article ? (elided ? `l’${name}` : `${article} ${name}`) : name;
  if (form === "the") return the;
  if (form === "for") return `pour ${the}`;
  if (article === "le") return `du ${name}`;
  if (article === "les") return `des ${name}`;
  if (article) return `de ${the}`;
  return FRENCH_ELISION.test(bare) ? `d’${name}` : `de ${name}`;
}

function spanish(form: NameForm, name: string, article: string | null): string {
  const the = article ? `${article} ${name}` : name;
  if (form === "the") return the;
  if (form === "for") return `para ${the}`;
  // "de El Salvador": only the article, not a name that begins with "El", contracts.
  return article === "el" ? `del ${name}` : `de ${the}`;
}

/**
 * A name with the article and preposition a form asks for, in French or Spanish; the name alone in
 * the other languages. `isolated` keeps the data marks around the name only ("du ⁨Pérou⁩").
 */
export function nameForm(form: NameForm, language: string, name: string, article: string | null, isolated = false): string {
  const shown = isolated ? `${FSI}${name}${PDI}` : name;
  if (language === "fr") return french(form, shown, article, name);
  if (language === "es") return spanish(form, shown, article);
  return shown;
}

/**
 * Makes the forms known to an instance (app/i18n/instance.ts, once per instance). A plain string
 * where a NameInSentence was expected has no article: it is written as a name that takes none.
 */
export function registerNameForms(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) throw new Error("i18next: no formatter to register the name forms with");
  for (const form of NAME_FORMS) {
    formatter.add(form, (value: unknown, lng: string | undefined) => {
      const language = lng ?? instance.language;
      if (isNameInSentence(value)) return nameForm(form, language, value.name, value.article, value.isolated);
      const text = String(value ?? "");
      const isolated = text.startsWith(FSI) && text.endsWith(PDI);
      return nameForm(form, language, isolated ? text.slice(1, -1) : text, null, isolated);
    });
  }
}
