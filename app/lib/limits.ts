// Size limits shared by the browser's validation and the server's (the server's is the rule).

/** Longest discussion-point text accepted: far beyond any real recommendation, short of abuse. */
export const MAX_POINT_TEXT = 20_000;
