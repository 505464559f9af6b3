import { schema } from "~/utils/db.server";

const { delegations } = schema;

/** A delegation's short name in the six languages, to spread into a select (see delegationName). */
export const delegationNameColumns = {
  nameAr: delegations.nameAr,
  nameZh: delegations.nameZh,
  nameEn: delegations.nameEn,
  nameFr: delegations.nameFr,
  nameRu: delegations.nameRu,
  nameEs: delegations.nameEs,
};

/**
 * The names with the French and Spanish articles, for a name put into a sentence
 * (nameInSentence: "observations du Pérou", "para el Perú").
 */
export const delegationSentenceColumns = {
  ...delegationNameColumns,
  articleFr: delegations.articleFr,
  articleEs: delegations.articleEs,
};
