CREATE TABLE "risk_settings" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"day" date NOT NULL,
	"audience" text NOT NULL,
	"party_id" uuid,
	"score" double precision,
	"parts" jsonb NOT NULL,
	"weights" jsonb NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_snapshots_audience_check" CHECK ("risk_snapshots"."audience" IN ('party', 'mediators', 'all')),
	CONSTRAINT "risk_snapshots_party_check" CHECK (("risk_snapshots"."audience" = 'party') = ("risk_snapshots"."party_id" IS NOT NULL)),
	CONSTRAINT "risk_snapshots_score_check" CHECK ("risk_snapshots"."score" IS NULL OR ("risk_snapshots"."score" >= 0 AND "risk_snapshots"."score" <= 100))
);
--> statement-breakpoint
ALTER TABLE "risk_settings" ADD CONSTRAINT "risk_settings_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_snapshots" ADD CONSTRAINT "risk_snapshots_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_snapshots" ADD CONSTRAINT "risk_snapshots_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_snapshots" ADD CONSTRAINT "risk_snapshots_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_snapshots_agreement_idx" ON "risk_snapshots" USING btree ("agreement_id","audience","day");