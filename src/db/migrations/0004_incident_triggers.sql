-- An incident's history is append-only: a step, once written, is never changed or removed on its own.
-- It goes only with its incident (a cascade from deleting the incident or its agreement, which runs
-- inside the foreign key's trigger, hence at a trigger depth above 1).
CREATE OR REPLACE FUNCTION phaseline_incident_history_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'incident_history is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER incident_history_append_only
  BEFORE UPDATE OR DELETE ON incident_history
  FOR EACH ROW EXECUTE FUNCTION phaseline_incident_history_append_only();
--> statement-breakpoint
-- Deleting an agreement removes its incidents first. Incidents name parties and provisions of the
-- same agreement; left to the cascades, PostgreSQL could reach a party or provision before the
-- incidents that name it and refuse the delete. Direct deletes of a named party or provision are
-- still refused by their foreign keys.
CREATE OR REPLACE FUNCTION phaseline_agreement_delete_incidents() RETURNS trigger AS $$
BEGIN
  DELETE FROM incidents WHERE agreement_id = OLD.id;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agreements_delete_incidents_first
  BEFORE DELETE ON agreements
  FOR EACH ROW EXECUTE FUNCTION phaseline_agreement_delete_incidents();
--> statement-breakpoint
-- incidents.provision_ids mirrors incident_provisions, once per statement whatever the number of
-- links it changed. Deletes cascading from a deleted incident (trigger depth above 1) are skipped:
-- the incident is gone.
CREATE OR REPLACE FUNCTION phaseline_incident_provision_ids() RETURNS trigger AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN NULL;
  END IF;
  UPDATE incidents i
  SET provision_ids = coalesce(
    (SELECT array_agg(ip.provision_id ORDER BY ip.provision_id) FROM incident_provisions ip WHERE ip.incident_id = i.id),
    '{}'::uuid[])
  WHERE i.id IN (SELECT DISTINCT incident_id FROM changed);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER incident_provisions_mirror_insert
  AFTER INSERT ON incident_provisions
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION phaseline_incident_provision_ids();
--> statement-breakpoint
CREATE TRIGGER incident_provisions_mirror_delete
  AFTER DELETE ON incident_provisions
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION phaseline_incident_provision_ids();
