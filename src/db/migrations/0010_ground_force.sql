CREATE TABLE "indicator_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"value" double precision NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"source_reliability" text,
	"credibility" smallint,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_observations_indicator_date_key" UNIQUE("indicator_id","observed_on")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"provision_id" uuid,
	"zone_id" uuid,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"target" double precision NOT NULL,
	"comparison" text NOT NULL,
	"period" text DEFAULT 'day' NOT NULL,
	"source_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_agreement_name_key" UNIQUE("agreement_id","name"),
	CONSTRAINT "indicators_comparison_check" CHECK ("indicators"."comparison" IN ('>=', '<=', '=')),
	CONSTRAINT "indicators_period_check" CHECK ("indicators"."period" IN ('day', 'week'))
);
--> statement-breakpoint
CREATE TABLE "phase_gates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phase_gates_phase_key" UNIQUE("phase_id")
);
--> statement-breakpoint
CREATE TABLE "phase_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"gate_passed" boolean NOT NULL,
	"overridden" boolean DEFAULT false NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"evaluation" jsonb NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "withdrawal_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"phase_id" uuid NOT NULL,
	"party_id" uuid,
	"provision_id" uuid,
	"force" text NOT NULL,
	"from_zone_id" uuid,
	"behind_zone_id" uuid,
	"deadline" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "withdrawal_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"finding" text NOT NULL,
	"source_reliability" text NOT NULL,
	"credibility" smallint NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "withdrawal_verifications_finding_check" CHECK ("withdrawal_verifications"."finding" IN ('completed', 'partial', 'not_observed', 'disputed'))
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"amount" double precision NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_agreement_name_key" UNIQUE("agreement_id","name")
);
--> statement-breakpoint
CREATE TABLE "contributor_acceptability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"contributor_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"position" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"stated_on" date NOT NULL,
	"audience" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contributor_acceptability_position_check" CHECK ("contributor_acceptability"."position" IN ('accepted', 'objected', 'no_position')),
	CONSTRAINT "contributor_acceptability_audience_check" CHECK ("contributor_acceptability"."audience" IN ('party', 'mediators', 'all'))
);
--> statement-breakpoint
CREATE TABLE "force_contributors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "force_contributors_agreement_name_key" UNIQUE("agreement_id","name")
);
--> statement-breakpoint
CREATE TABLE "force_mandate_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"clause_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "force_mandate_items_kind_check" CHECK ("force_mandate_items"."kind" IN ('rules_of_engagement', 'authority_boundary'))
);
--> statement-breakpoint
CREATE TABLE "force_pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"contributor_id" uuid NOT NULL,
	"capability" text NOT NULL,
	"sector_id" uuid,
	"personnel" integer NOT NULL,
	"readiness" text NOT NULL,
	"caveats" text DEFAULT '' NOT NULL,
	"pledged_on" date NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "force_pledges_readiness_check" CHECK ("force_pledges"."readiness" IN ('L1', 'L2', 'L3', 'RDL'))
);
--> statement-breakpoint
CREATE TABLE "force_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"phase_id" uuid,
	"capability" text NOT NULL,
	"sector_id" uuid,
	"personnel" integer NOT NULL,
	"equipment" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"budget_line_id" uuid,
	"donor" text NOT NULL,
	"kind" text NOT NULL,
	"amount" double precision NOT NULL,
	"dated_on" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_entries_kind_check" CHECK ("funding_entries"."kind" IN ('pledge', 'commitment', 'disbursement'))
);
--> statement-breakpoint
DROP INDEX "zones_agreement_kind_name_key";--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "length_km" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "party_id" uuid;--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "as_of" date;--> statement-breakpoint
ALTER TABLE "indicator_observations" ADD CONSTRAINT "indicator_observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_observations" ADD CONSTRAINT "indicator_observations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_gates" ADD CONSTRAINT "phase_gates_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_gates" ADD CONSTRAINT "phase_gates_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_transitions" ADD CONSTRAINT "phase_transitions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_transitions" ADD CONSTRAINT "phase_transitions_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_transitions" ADD CONSTRAINT "phase_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_items" ADD CONSTRAINT "withdrawal_items_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_items" ADD CONSTRAINT "withdrawal_items_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_items" ADD CONSTRAINT "withdrawal_items_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_items" ADD CONSTRAINT "withdrawal_items_provision_id_provisions_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_items" ADD CONSTRAINT "withdrawal_items_from_zone_id_zones_id_fk" FOREIGN KEY ("from_zone_id") REFERENCES "public"."zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_items" ADD CONSTRAINT "withdrawal_items_behind_zone_id_zones_id_fk" FOREIGN KEY ("behind_zone_id") REFERENCES "public"."zones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_verifications" ADD CONSTRAINT "withdrawal_verifications_item_id_withdrawal_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."withdrawal_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_verifications" ADD CONSTRAINT "withdrawal_verifications_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributor_acceptability" ADD CONSTRAINT "contributor_acceptability_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributor_acceptability" ADD CONSTRAINT "contributor_acceptability_contributor_id_force_contributors_id_fk" FOREIGN KEY ("contributor_id") REFERENCES "public"."force_contributors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributor_acceptability" ADD CONSTRAINT "contributor_acceptability_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contributor_acceptability" ADD CONSTRAINT "contributor_acceptability_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_contributors" ADD CONSTRAINT "force_contributors_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_mandate_items" ADD CONSTRAINT "force_mandate_items_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_mandate_items" ADD CONSTRAINT "force_mandate_items_clause_id_clauses_id_fk" FOREIGN KEY ("clause_id") REFERENCES "public"."clauses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_pledges" ADD CONSTRAINT "force_pledges_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_pledges" ADD CONSTRAINT "force_pledges_contributor_id_force_contributors_id_fk" FOREIGN KEY ("contributor_id") REFERENCES "public"."force_contributors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_pledges" ADD CONSTRAINT "force_pledges_sector_id_zones_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."zones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_requirements" ADD CONSTRAINT "force_requirements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_requirements" ADD CONSTRAINT "force_requirements_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_requirements" ADD CONSTRAINT "force_requirements_sector_id_zones_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."zones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_entries" ADD CONSTRAINT "funding_entries_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_entries" ADD CONSTRAINT "funding_entries_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phase_transitions_phase_idx" ON "phase_transitions" USING btree ("phase_id","at");--> statement-breakpoint
CREATE INDEX "withdrawal_items_agreement_idx" ON "withdrawal_items" USING btree ("agreement_id","deadline");--> statement-breakpoint
CREATE INDEX "withdrawal_verifications_item_idx" ON "withdrawal_verifications" USING btree ("item_id","observed_on");--> statement-breakpoint
CREATE INDEX "contributor_acceptability_agreement_idx" ON "contributor_acceptability" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE INDEX "force_mandate_items_agreement_idx" ON "force_mandate_items" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "force_pledges_agreement_idx" ON "force_pledges" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "force_requirements_agreement_idx" ON "force_requirements" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "funding_entries_agreement_idx" ON "funding_entries" USING btree ("agreement_id","dated_on");--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "zones_party_idx" ON "zones" USING btree ("party_id");--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_agreement_kind_name_as_of_key" UNIQUE NULLS NOT DISTINCT("agreement_id","kind","name","as_of");