/**
 * Each rep's open undecided MQLs (capacity, SPEC §5.2: pending `assign`/`sync` hand-offs) as a
 * stored count instead of counted on every routing decision: a transfer read the roster with
 * one count per rep over their pending hand-offs (200 reps × a dozen pending each: about 3 ms
 * of PostgreSQL CPU per transfer, growing with every pending hand-off; a rep may hold thousands).
 *
 * The count is kept by a trigger on handoffs, in the transaction (and statement) that changes a
 * hand-off, so it stays exact whichever path does it — a transfer, a bulk capture routing
 * direct-to-sales leads, accept/reject, an SLA recall, a resolved dispatch — and under
 * concurrent transactions of several processes (the row of rep_loads is updated in place, not
 * read and written back). A rep's row appears with their first counted hand-off, profile or
 * not (an account owner synced a lead before sales ops gave them a profile keeps their count).
 *
 * And a version of the roster as routing reads it (profiles, eligibility lists, the users'
 * name, role and active flag), bumped by triggers in the transaction of any change to them:
 * a transfer reads the version in its one read and the roster rows only when the version
 * differs from the one it holds (services/roster/roster-cache.ts), so a change committed by
 * any process is seen by the next transfer. Clearing a rep's run of breaches does not change
 * what routing reads and leaves the version alone.
 */
import type { Kysely } from 'kysely';
import { executeScript } from './script.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    CREATE TABLE rep_loads (
      rep_id text PRIMARY KEY REFERENCES users(id),
      open_mqls integer NOT NULL DEFAULT 0 CHECK (open_mqls >= 0)
    );
    INSERT INTO rep_loads (rep_id, open_mqls)
      SELECT rep_id, count(*) FROM handoffs
       WHERE status = 'pending' AND kind IN ('assign', 'sync') AND rep_id IS NOT NULL
       GROUP BY rep_id;

    CREATE FUNCTION rep_loads_follow_handoff() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      counted_before boolean := false;
      counted_after boolean := false;
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        counted_before := OLD.status = 'pending' AND OLD.kind IN ('assign', 'sync') AND OLD.rep_id IS NOT NULL;
      END IF;
      IF TG_OP <> 'DELETE' THEN
        counted_after := NEW.status = 'pending' AND NEW.kind IN ('assign', 'sync') AND NEW.rep_id IS NOT NULL;
      END IF;
      IF counted_before AND counted_after THEN
        IF OLD.rep_id = NEW.rep_id THEN
          RETURN NULL;
        END IF;
      END IF;
      IF counted_before THEN
        UPDATE rep_loads SET open_mqls = open_mqls - 1 WHERE rep_id = OLD.rep_id;
      END IF;
      IF counted_after THEN
        INSERT INTO rep_loads (rep_id, open_mqls) VALUES (NEW.rep_id, 1)
          ON CONFLICT (rep_id) DO UPDATE SET open_mqls = rep_loads.open_mqls + 1;
      END IF;
      RETURN NULL;
    END
    $$;

    CREATE TRIGGER handoffs_rep_load
      AFTER INSERT OR DELETE OR UPDATE OF status, kind, rep_id ON handoffs
      FOR EACH ROW EXECUTE FUNCTION rep_loads_follow_handoff();

    CREATE TABLE roster_version (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      version bigint NOT NULL
    );
    INSERT INTO roster_version (id, version) VALUES (true, 1);
    CREATE FUNCTION roster_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE roster_version SET version = version + 1;
      RETURN NULL;
    END
    $$;
    CREATE TRIGGER rep_profiles_roster_version
      AFTER INSERT OR DELETE OR TRUNCATE
         OR UPDATE OF user_id, regions, industries, level, weight, capacity, department, suspended_until
      ON rep_profiles FOR EACH STATEMENT EXECUTE FUNCTION roster_version_bump();
    CREATE TRIGGER eligibility_roster_version
      AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON eligibility
      FOR EACH STATEMENT EXECUTE FUNCTION roster_version_bump();
    CREATE TRIGGER users_roster_version
      AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF id, name, role, active ON users
      FOR EACH STATEMENT EXECUTE FUNCTION roster_version_bump();
    `,
  );
}
