-- verified_incident_days follows every write to incidents in the same transaction: what leaves
-- "verified" (or changes its day, party or provisions while verified) is taken off, what enters it
-- is added. Days are local dates in the agreement's time zone; a change of zone recounts them.
-- Updates and deletes are counted once per statement from the transition tables. Inserts are counted
-- per row, only for verified rows: an import of a million reported incidents does not fire at all.
-- Rows are upserted in key order, so that two transactions counting on the same days lock them in
-- the same order and wait for each other instead of deadlocking.
CREATE OR REPLACE FUNCTION phaseline_verified_days_count(p_agreement uuid) RETURNS void AS $$
BEGIN
  DELETE FROM verified_incident_days WHERE agreement_id = p_agreement;
  INSERT INTO verified_incident_days (agreement_id, dimension, day, key, count)
  SELECT i.agreement_id, 'party', (i.occurred_at AT TIME ZONE a.time_zone)::date, i.attributed_party_id, count(*)
  FROM incidents i JOIN agreements a ON a.id = i.agreement_id
  WHERE i.agreement_id = p_agreement AND i.status = 'verified'
  GROUP BY 1, 2, 3, 4;
  INSERT INTO verified_incident_days (agreement_id, dimension, day, key, count)
  SELECT i.agreement_id, 'provision', (i.occurred_at AT TIME ZONE a.time_zone)::date, p.id, count(*)
  FROM incidents i JOIN agreements a ON a.id = i.agreement_id CROSS JOIN LATERAL unnest(i.provision_ids) AS p(id)
  WHERE i.agreement_id = p_agreement AND i.status = 'verified'
  GROUP BY 1, 2, 3, 4;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- One function for updates and deletes; a DELETE trigger has no NEW TABLE, so the query that reads
-- new_rows is built only for an UPDATE (EXECUTE sees the transition tables too).
CREATE OR REPLACE FUNCTION phaseline_verified_days_change() RETURNS trigger AS $$
BEGIN
  EXECUTE format($q$
    WITH changed AS (
      SELECT o.agreement_id, o.occurred_at, o.attributed_party_id, o.provision_ids, -1 AS d FROM old_rows o WHERE o.status = 'verified'
      %s
    ), dated AS (
      SELECT c.agreement_id, (c.occurred_at AT TIME ZONE a.time_zone)::date AS day, c.attributed_party_id, c.provision_ids, c.d
      FROM changed c JOIN agreements a ON a.id = c.agreement_id
    ), deltas AS (
      SELECT agreement_id, 'party' AS dimension, day, attributed_party_id AS key, sum(d)::int AS n FROM dated GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT agreement_id, 'provision', day, p.id, sum(d)::int FROM dated CROSS JOIN LATERAL unnest(provision_ids) AS p(id) GROUP BY 1, 2, 3, 4
    )
    INSERT INTO verified_incident_days AS v (agreement_id, dimension, day, key, count)
    SELECT agreement_id, dimension, day, key, n FROM deltas WHERE n <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (agreement_id, dimension, day, key) DO UPDATE SET count = v.count + excluded.count
  $q$, CASE WHEN TG_OP = 'UPDATE' THEN
    $u$UNION ALL SELECT n.agreement_id, n.occurred_at, n.attributed_party_id, n.provision_ids, 1 FROM new_rows n WHERE n.status = 'verified'$u$
  ELSE '' END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION phaseline_verified_days_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO verified_incident_days AS v (agreement_id, dimension, day, key, count)
  SELECT NEW.agreement_id, k.dimension, (NEW.occurred_at AT TIME ZONE a.time_zone)::date, k.key, 1
  FROM agreements a,
    LATERAL (SELECT 'party' AS dimension, NEW.attributed_party_id AS key
             UNION ALL SELECT 'provision', p.id FROM unnest(NEW.provision_ids) AS p(id)) k
  WHERE a.id = NEW.agreement_id
  ORDER BY 2, 4
  ON CONFLICT (agreement_id, dimension, day, key) DO UPDATE SET count = v.count + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION phaseline_verified_days_recount() RETURNS trigger AS $$
BEGIN
  PERFORM phaseline_verified_days_count(NEW.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER incidents_verified_days_insert
  AFTER INSERT ON incidents
  FOR EACH ROW WHEN (NEW.status = 'verified') EXECUTE FUNCTION phaseline_verified_days_insert();
--> statement-breakpoint
CREATE TRIGGER incidents_verified_days_update
  AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION phaseline_verified_days_change();
--> statement-breakpoint
CREATE TRIGGER incidents_verified_days_delete
  AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION phaseline_verified_days_change();
--> statement-breakpoint
CREATE TRIGGER agreements_verified_days_time_zone
  AFTER UPDATE OF time_zone ON agreements
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION phaseline_verified_days_recount();
--> statement-breakpoint
SELECT phaseline_verified_days_count(id) FROM agreements;
