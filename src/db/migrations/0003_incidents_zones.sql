CREATE TABLE "incident_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"content_type" text,
	"size" bigint,
	"sha256" text,
	"description" text DEFAULT '' NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_evidence_files" (
	"evidence_id" uuid PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_history" (
	"incident_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"attributed_party_id" uuid,
	"duplicate_of_id" uuid,
	CONSTRAINT "incident_history_incident_id_seq_pk" PRIMARY KEY("incident_id","seq")
);
--> statement-breakpoint
CREATE TABLE "incident_provisions" (
	"incident_id" uuid NOT NULL,
	"provision_id" uuid NOT NULL,
	CONSTRAINT "incident_provisions_incident_id_provision_id_pk" PRIMARY KEY("incident_id","provision_id")
);
--> statement-breakpoint
CREATE TABLE "incident_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"lon" double precision,
	"lat" double precision,
	"zone_id" uuid,
	"place" text DEFAULT '' NOT NULL,
	"source_type" text NOT NULL,
	"reliability" text NOT NULL,
	"credibility" smallint NOT NULL,
	"alleged_party_id" uuid,
	"attributed_party_id" uuid,
	"reporting_party_id" uuid,
	"category" text NOT NULL,
	"killed" integer,
	"injured" integer,
	"civilians_killed" integer,
	"civilians_injured" integer,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"duplicate_of_id" uuid,
	"external_source" text,
	"external_id" text,
	"reported_by" uuid,
	"provision_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"geometry" jsonb NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"min_lon" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lon" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"area_sq_km" double precision DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_evidence" ADD CONSTRAINT "incident_evidence_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_evidence_files" ADD CONSTRAINT "incident_evidence_files_evidence_id_incident_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."incident_evidence"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_history" ADD CONSTRAINT "incident_history_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_provisions" ADD CONSTRAINT "incident_provisions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_provisions" ADD CONSTRAINT "incident_provisions_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_responses" ADD CONSTRAINT "incident_responses_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_responses" ADD CONSTRAINT "incident_responses_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_alleged_party_id_parties_id_fk" FOREIGN KEY ("alleged_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_attributed_party_id_parties_id_fk" FOREIGN KEY ("attributed_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reporting_party_id_parties_id_fk" FOREIGN KEY ("reporting_party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_duplicate_of_id_incidents_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_evidence_incident_idx" ON "incident_evidence" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "incident_provisions_provision_idx" ON "incident_provisions" USING btree ("provision_id","incident_id");--> statement-breakpoint
CREATE INDEX "incident_responses_incident_idx" ON "incident_responses" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "incidents_agreement_occurred_idx" ON "incidents" USING btree ("agreement_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "incidents_agreement_status_occurred_idx" ON "incidents" USING btree ("agreement_id","status","occurred_at","id");--> statement-breakpoint
CREATE INDEX "incidents_agreement_category_occurred_idx" ON "incidents" USING btree ("agreement_id","category","occurred_at","id");--> statement-breakpoint
CREATE INDEX "incidents_agreement_party_occurred_idx" ON "incidents" USING btree ("agreement_id","alleged_party_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "incidents_agreement_zone_occurred_idx" ON "incidents" USING btree ("agreement_id","zone_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "incidents_verified_idx" ON "incidents" USING btree ("agreement_id","occurred_at","attributed_party_id","provision_ids") WHERE status = 'verified';--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_external_key" ON "incidents" USING btree ("agreement_id","external_source","external_id");--> statement-breakpoint
CREATE INDEX "incidents_duplicate_of_idx" ON "incidents" USING btree ("duplicate_of_id") WHERE duplicate_of_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "zones_agreement_kind_name_key" ON "zones" USING btree ("agreement_id","kind","name");