// The names of a delegation or a group of the seed data (delegations.json, groups.json): six
// languages and the French and Spanish articles, as the tables' columns. db/seed.ts writes them so;
// the tests build from them what the queries select.

/** A record of the seed data with its names and articles. */
export type SeedNamed = {
  names: { ar: string; zh: string; en: string; fr: string; ru: string; es: string };
  articles: { fr: string | null; es: string | null };
};

/** The record's names and articles as the columns of `delegations` and `groups` (nameAr…, articleFr, articleEs). */
export function nameColumns(record: SeedNamed) {
  return {
    nameAr: record.names.ar,
    nameZh: record.names.zh,
    nameEn: record.names.en,
    nameFr: record.names.fr,
    nameRu: record.names.ru,
    nameEs: record.names.es,
    articleFr: record.articles.fr,
    articleEs: record.articles.es,
  };
}
