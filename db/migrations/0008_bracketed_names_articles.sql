-- UN short names with a bracketed formal part take their article in running text as well:
-- "des Pays-Bas (Royaume des)", "de l'Iran (République islamique d')", "del Irán (República Islámica del)".
UPDATE "delegations" SET "article_fr" = 'la' WHERE "code" = 'BOL' AND "article_fr" IS NULL;--> statement-breakpoint
UPDATE "delegations" SET "article_fr" = 'l''', "article_es" = 'el' WHERE "code" = 'IRN' AND "article_fr" IS NULL AND "article_es" IS NULL;--> statement-breakpoint
UPDATE "delegations" SET "article_fr" = 'la' WHERE "code" = 'FSM' AND "article_fr" IS NULL;--> statement-breakpoint
UPDATE "delegations" SET "article_fr" = 'les', "article_es" = 'los' WHERE "code" = 'NLD' AND "article_fr" IS NULL AND "article_es" IS NULL;--> statement-breakpoint
UPDATE "delegations" SET "article_fr" = 'le' WHERE "code" = 'VEN' AND "article_fr" IS NULL;
