// What the desk's page parts share: the translator of the page (made once per render and passed
// down, never looked up per row) and the view the reader is on.
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/languages";
import type { DeskView } from "~/lib/desk-paging";

export type DeskT = TFunction<["translations", "common", "consultations"]>;

export type DeskFilterView = Omit<DeskView, "page">;

export type DeskContext = { t: DeskT; language: Language };
