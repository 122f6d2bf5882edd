CREATE TABLE "audit_scopes" (
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"agreement_id" uuid,
	"scope" text NOT NULL,
	CONSTRAINT "audit_scopes_entity_entity_id_scope_pk" PRIMARY KEY("entity","entity_id","scope")
);
--> statement-breakpoint
ALTER TABLE "party_notes" ALTER COLUMN "party_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "party_notes" ADD COLUMN "audience" text DEFAULT 'party' NOT NULL;--> statement-breakpoint
-- Notes written before audiences: a confidential note was its party's circle, a shared one everyone's.
UPDATE "party_notes" SET "audience" = CASE WHEN "confidential" THEN 'party' ELSE 'all' END;--> statement-breakpoint
-- Every confidential scope a note ever had, from the log itself, so that its earlier entries stay hidden.
INSERT INTO "audit_scopes" ("entity", "entity_id", "agreement_id", "scope")
SELECT DISTINCT e."entity", e."entity_id", e."agreement_id", 'party:' || (s.state->>'partyId')
FROM "audit_events" e
CROSS JOIN LATERAL (VALUES (e."before"), (e."after")) AS s(state)
WHERE e."entity" = 'note' AND s.state IS NOT NULL AND s.state->>'confidential' = 'true' AND s.state->>'partyId' IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "party_notes" DROP COLUMN "confidential";--> statement-breakpoint
ALTER TABLE "party_notes" ADD CONSTRAINT "party_notes_audience_check" CHECK ("party_notes"."audience" IN ('party', 'mediators', 'all'));--> statement-breakpoint
ALTER TABLE "party_notes" ADD CONSTRAINT "party_notes_party_audience_check" CHECK ("party_notes"."audience" <> 'party' OR "party_notes"."party_id" IS NOT NULL);