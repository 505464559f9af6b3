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
