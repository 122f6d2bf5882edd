CREATE TABLE "agreement_visits" (
	"user_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_visits_user_id_agreement_id_pk" PRIMARY KEY("user_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "provision_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"provision_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"source_grade" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "provision_status_changes_grade_check" CHECK ("provision_status_changes"."source_grade" IS NULL OR "provision_status_changes"."source_grade" ~ '^[A-F][1-6]$')
);
--> statement-breakpoint
ALTER TABLE "incident_history" ADD COLUMN "no_evidence_reason" text;--> statement-breakpoint
CREATE INDEX "incidents_agreement_reported_idx" ON "incidents" USING btree ("agreement_id","reported_at");--> statement-breakpoint
ALTER TABLE "agreement_visits" ADD CONSTRAINT "agreement_visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_visits" ADD CONSTRAINT "agreement_visits_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_status_changes" ADD CONSTRAINT "provision_status_changes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_status_changes" ADD CONSTRAINT "provision_status_changes_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "provision_status_changes_provision_idx" ON "provision_status_changes" USING btree ("provision_id","seq");--> statement-breakpoint
CREATE INDEX "provision_status_changes_agreement_at_idx" ON "provision_status_changes" USING btree ("agreement_id","at");--> statement-breakpoint
-- A provision's status history is append-only: a change, once written, is never altered or removed on
-- its own. It goes only with its provision or agreement (a cascade, at a trigger depth above 1).
CREATE OR REPLACE FUNCTION phaseline_provision_status_changes_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'provision_status_changes is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER provision_status_changes_append_only
  BEFORE UPDATE OR DELETE ON provision_status_changes
  FOR EACH ROW EXECUTE FUNCTION phaseline_provision_status_changes_append_only();
--> statement-breakpoint
-- Provisions that exist already start their history with the status they have, dated by their last change.
INSERT INTO provision_status_changes (agreement_id, provision_id, seq, from_status, to_status, reason, actor_name, at)
  SELECT agreement_id, id, 1, NULL, status, 'Status as recorded before status history was kept', 'Phaseline', updated_at FROM provisions;
--> statement-breakpoint
-- Incident text search (docs/DESK.md): the 'simple' configuration lower-cases and never stems, so
-- Arabic and Hebrew words stay whole. Kept out of the Drizzle schema: rows and audit entries never carry it.
ALTER TABLE "incidents" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "place" || ' ' || "description")) STORED;
--> statement-breakpoint
CREATE INDEX "incidents_search_idx" ON "incidents" USING gin ("search");
