CREATE TABLE "verified_incident_days" (
	"agreement_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"day" date NOT NULL,
	"key" uuid,
	"count" integer NOT NULL,
	CONSTRAINT "verified_incident_days_key" UNIQUE NULLS NOT DISTINCT("agreement_id","dimension","day","key")
);
--> statement-breakpoint
ALTER TABLE "verified_incident_days" ADD CONSTRAINT "verified_incident_days_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;