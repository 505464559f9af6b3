// Translations are bundled (imported), never read from disk at run time (CONVENTIONS.md).
import arAuth from "../../locales/ar/auth.json";
import arCommon from "../../locales/ar/common.json";
import arConsultations from "../../locales/ar/consultations.json";
import arUsers from "../../locales/ar/users.json";
import enAuth from "../../locales/en/auth.json";
import enCommon from "../../locales/en/common.json";
import enConsultations from "../../locales/en/consultations.json";
import enUsers from "../../locales/en/users.json";
import esAuth from "../../locales/es/auth.json";
import esCommon from "../../locales/es/common.json";
import esConsultations from "../../locales/es/consultations.json";
import esUsers from "../../locales/es/users.json";
import frAuth from "../../locales/fr/auth.json";
import frCommon from "../../locales/fr/common.json";
import frConsultations from "../../locales/fr/consultations.json";
import frUsers from "../../locales/fr/users.json";
import ruAuth from "../../locales/ru/auth.json";
import ruCommon from "../../locales/ru/common.json";
import ruConsultations from "../../locales/ru/consultations.json";
import ruUsers from "../../locales/ru/users.json";
import zhAuth from "../../locales/zh/auth.json";
import zhCommon from "../../locales/zh/common.json";
import zhConsultations from "../../locales/zh/consultations.json";
import zhUsers from "../../locales/zh/users.json";
import type { Language } from "./languages";

const en = { common: enCommon, auth: enAuth, consultations: enConsultations, users: enUsers };

export type Resources = typeof en;
export const NAMESPACES = Object.keys(en) as (keyof Resources)[];
export const DEFAULT_NAMESPACE = "common" as const;

// English is the reference; the keys of each namespace are checked by tests/unit/locales.test.ts
// (plural forms differ by language, so the types cannot require identical keys).
export const resources: Record<Language, Record<keyof Resources, object>> = {
  ar: { common: arCommon, auth: arAuth, consultations: arConsultations, users: arUsers },
  zh: { common: zhCommon, auth: zhAuth, consultations: zhConsultations, users: zhUsers },
  en,
  fr: { common: frCommon, auth: frAuth, consultations: frConsultations, users: frUsers },
  ru: { common: ruCommon, auth: ruAuth, consultations: ruConsultations, users: ruUsers },
  es: { common: esCommon, auth: esAuth, consultations: esConsultations, users: esUsers },
};
