CREATE TABLE "round_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"all_day" boolean DEFAULT false NOT NULL,
	"delegations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mediators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "round_sessions_window_check" CHECK ("round_sessions"."ends_at" IS NULL OR "round_sessions"."ends_at" > "round_sessions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "round_sessions" ADD CONSTRAINT "round_sessions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_sessions" ADD CONSTRAINT "round_sessions_round_id_negotiation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."negotiation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_sessions_round_idx" ON "round_sessions" USING btree ("round_id","starts_at");--> statement-breakpoint
CREATE INDEX "round_sessions_agreement_idx" ON "round_sessions" USING btree ("agreement_id","starts_at");