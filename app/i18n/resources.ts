// Translations are bundled (imported), never read from disk at run time (CONVENTIONS.md).
import arCommon from "../../locales/ar/common.json";
import arAuth from "../../locales/ar/auth.json";
import arConsultations from "../../locales/ar/consultations.json";
import arUsers from "../../locales/ar/users.json";
import arAgenda from "../../locales/ar/agenda.json";
import arRegistrations from "../../locales/ar/registrations.json";
import arCirculation from "../../locales/ar/circulation.json";
import arDocuments from "../../locales/ar/documents.json";
import zhCommon from "../../locales/zh/common.json";
import zhAuth from "../../locales/zh/auth.json";
import zhConsultations from "../../locales/zh/consultations.json";
import zhUsers from "../../locales/zh/users.json";
import zhAgenda from "../../locales/zh/agenda.json";
import zhRegistrations from "../../locales/zh/registrations.json";
import zhCirculation from "../../locales/zh/circulation.json";
import zhDocuments from "../../locales/zh/documents.json";
import enCommon from "../../locales/en/common.json";
import enAuth from "../../locales/en/auth.json";
import enConsultations from "../../locales/en/consultations.json";
import enUsers from "../../locales/en/users.json";
import enAgenda from "../../locales/en/agenda.json";
import enRegistrations from "../../locales/en/registrations.json";
import enCirculation from "../../locales/en/circulation.json";
import enDocuments from "../../locales/en/documents.json";
import frCommon from "../../locales/fr/common.json";
import frAuth from "../../locales/fr/auth.json";
import frConsultations from "../../locales/fr/consultations.json";
import frUsers from "../../locales/fr/users.json";
import frAgenda from "../../locales/fr/agenda.json";
import frRegistrations from "../../locales/fr/registrations.json";
import frCirculation from "../../locales/fr/circulation.json";
import frDocuments from "../../locales/fr/documents.json";
import ruCommon from "../../locales/ru/common.json";
import ruAuth from "../../locales/ru/auth.json";
import ruConsultations from "../../locales/ru/consultations.json";
import ruUsers from "../../locales/ru/users.json";
import ruAgenda from "../../locales/ru/agenda.json";
import ruRegistrations from "../../locales/ru/registrations.json";
import ruCirculation from "../../locales/ru/circulation.json";
import ruDocuments from "../../locales/ru/documents.json";
import esCommon from "../../locales/es/common.json";
import esAuth from "../../locales/es/auth.json";
import esConsultations from "../../locales/es/consultations.json";
import esUsers from "../../locales/es/users.json";
import esAgenda from "../../locales/es/agenda.json";
import esRegistrations from "../../locales/es/registrations.json";
import esCirculation from "../../locales/es/circulation.json";
import esDocuments from "../../locales/es/documents.json";
import arSubmissions from "../../locales/ar/submissions.json";
import zhSubmissions from "../../locales/zh/submissions.json";
import enSubmissions from "../../locales/en/submissions.json";
import frSubmissions from "../../locales/fr/submissions.json";
import ruSubmissions from "../../locales/ru/submissions.json";
import esSubmissions from "../../locales/es/submissions.json";
import arTranslations from "../../locales/ar/translations.json";
import zhTranslations from "../../locales/zh/translations.json";
import enTranslations from "../../locales/en/translations.json";
import frTranslations from "../../locales/fr/translations.json";
import ruTranslations from "../../locales/ru/translations.json";
import esTranslations from "../../locales/es/translations.json";
import arConsolidation from "../../locales/ar/consolidation.json";
import zhConsolidation from "../../locales/zh/consolidation.json";
import enConsolidation from "../../locales/en/consolidation.json";
import frConsolidation from "../../locales/fr/consolidation.json";
import ruConsolidation from "../../locales/ru/consolidation.json";
import esConsolidation from "../../locales/es/consolidation.json";
import arCrp from "../../locales/ar/crp.json";
import zhCrp from "../../locales/zh/crp.json";
import enCrp from "../../locales/en/crp.json";
import frCrp from "../../locales/fr/crp.json";
import ruCrp from "../../locales/ru/crp.json";
import esCrp from "../../locales/es/crp.json";
import arArchive from "../../locales/ar/archive.json";
import zhArchive from "../../locales/zh/archive.json";
import enArchive from "../../locales/en/archive.json";
import frArchive from "../../locales/fr/archive.json";
import ruArchive from "../../locales/ru/archive.json";
import esArchive from "../../locales/es/archive.json";
import arAccount from "../../locales/ar/account.json";
import zhAccount from "../../locales/zh/account.json";
import enAccount from "../../locales/en/account.json";
import frAccount from "../../locales/fr/account.json";
import ruAccount from "../../locales/ru/account.json";
import esAccount from "../../locales/es/account.json";
import arGroups from "../../locales/ar/groups.json";
import zhGroups from "../../locales/zh/groups.json";
import enGroups from "../../locales/en/groups.json";
import frGroups from "../../locales/fr/groups.json";
import ruGroups from "../../locales/ru/groups.json";
import esGroups from "../../locales/es/groups.json";
import type { Language } from "./languages";

import arRevision from "../../locales/ar/revision.json";
import zhRevision from "../../locales/zh/revision.json";
import enRevision from "../../locales/en/revision.json";
import frRevision from "../../locales/fr/revision.json";
import ruRevision from "../../locales/ru/revision.json";
import esRevision from "../../locales/es/revision.json";
const en = {
  common: enCommon,
  auth: enAuth,
  consultations: enConsultations,
  users: enUsers,
  agenda: enAgenda,
  registrations: enRegistrations,
  circulation: enCirculation,
  documents: enDocuments,
  submissions: enSubmissions,
  translations: enTranslations,
  consolidation: enConsolidation,
  crp: enCrp,
  archive: enArchive,
  account: enAccount,
  revision: enRevision,
  groups: enGroups,
};

export type Resources = typeof en;
export const NAMESPACES = Object.keys(en) as (keyof Resources)[];
export { DEFAULT_NAMESPACE } from "./instance";

// English is the reference; the keys of each namespace are checked by tests/unit/locales.test.ts
// (plural forms differ by language, so the types cannot require identical keys).
export const resources: Record<Language, Record<keyof Resources, object>> = {
  ar: {
    common: arCommon,
    auth: arAuth,
    consultations: arConsultations,
    users: arUsers,
    agenda: arAgenda,
    registrations: arRegistrations,
    circulation: arCirculation,
    documents: arDocuments,
    submissions: arSubmissions,
    translations: arTranslations,
    consolidation: arConsolidation,
    crp: arCrp,
    archive: arArchive,
    account: arAccount,
    revision: arRevision,
    groups: arGroups,
  },
  zh: {
    common: zhCommon,
    auth: zhAuth,
    consultations: zhConsultations,
    users: zhUsers,
    agenda: zhAgenda,
    registrations: zhRegistrations,
    circulation: zhCirculation,
    documents: zhDocuments,
    submissions: zhSubmissions,
    translations: zhTranslations,
    consolidation: zhConsolidation,
    crp: zhCrp,
    archive: zhArchive,
    account: zhAccount,
    revision: zhRevision,
    groups: zhGroups,
  },
  en,
  fr: {
    common: frCommon,
    auth: frAuth,
    consultations: frConsultations,
    users: frUsers,
    agenda: frAgenda,
    registrations: frRegistrations,
    circulation: frCirculation,
    documents: frDocuments,
    submissions: frSubmissions,
    translations: frTranslations,
    consolidation: frConsolidation,
    crp: frCrp,
    archive: frArchive,
    account: frAccount,
    revision: frRevision,
    groups: frGroups,
  },
  ru: {
    common: ruCommon,
    auth: ruAuth,
    consultations: ruConsultations,
    users: ruUsers,
    agenda: ruAgenda,
    registrations: ruRegistrations,
    circulation: ruCirculation,
    documents: ruDocuments,
    submissions: ruSubmissions,
    translations: ruTranslations,
    consolidation: ruConsolidation,
    crp: ruCrp,
    archive: ruArchive,
    account: ruAccount,
    revision: ruRevision,
    groups: ruGroups,
  },
  es: {
    common: esCommon,
    auth: esAuth,
    consultations: esConsultations,
    users: esUsers,
    agenda: esAgenda,
    registrations: esRegistrations,
    circulation: esCirculation,
    documents: esDocuments,
    submissions: esSubmissions,
    translations: esTranslations,
    consolidation: esConsolidation,
    crp: esCrp,
    archive: esArchive,
    account: esAccount,
    revision: esRevision,
    groups: esGroups,
  },
};
