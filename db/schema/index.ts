// Every table of the domain (DESIGN.md); one file per aggregate, relative imports only (drizzle-kit).
export * from "./enums";
export * from "./delegations";
export * from "./users";
export * from "./consultations";
export * from "./submissions";
export * from "./groups";
export * from "./review";
export * from "./revision";
export * from "./documents";
export * from "./log";
export * from "./relations";
