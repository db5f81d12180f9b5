// Where to watch, checked independently: DuckDB SQL written from the README's
// "Where to watch" rules recomputes gold/bridge_content_watch_provider and
// gold/dim_watch_provider from the stg/content_watch_provider snapshots of the
// shared 30-day sandbox backfill; both must match row for row. The sandbox
// serves four countries while the client keeps only US (the default), and its
// offers change over the month, so the history holds removals, re-additions
// and offer type changes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { duckdb, sandboxLake } from '../lib/cinelake.mjs';

let db;
let lake;
const part = (t) => `read_parquet('${lake}/${t}/*/*.parquet', hive_partitioning = true, hive_types = {'loadDate': DATE})`;
const flat = (t) => `read_parquet('${lake}/${t}/*.parquet')`;

before(async () => {
  lake = await sandboxLake();
  db = await duckdb();
});
after(() => db?.close());

async function assertSameRows(expectedSql, actualSql, label) {
  const missing = await db.all(`SELECT * FROM ((${expectedSql}) EXCEPT ALL (${actualSql})) LIMIT 5`);
  const extra = await db.all(`SELECT * FROM ((${actualSql}) EXCEPT ALL (${expectedSql})) LIMIT 5`);
  const [{ n }] = await db.all(`SELECT count(*)::INT AS n FROM (${expectedSql})`);
  assert.ok(n > 0, `${label}: the oracle found rows`);
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${label}: gold differs from the oracle`);
  return n;
}

test('bridge_content_watch_provider equals the history recomputed from the stg snapshots', async () => {
  // A title's checks are the days it has any stg row; an offer's run is a
  // stretch of consecutive checks with it present (gaps-and-islands over the
  // check number); valid_to is the run's last day unless that is the title's
  // latest check (then NULL).
  const expected = `
    WITH stg AS (SELECT * FROM ${part('stg/content_watch_provider')}),
    checks AS (SELECT content_id, loadDate,
                      row_number() OVER (PARTITION BY content_id ORDER BY loadDate) AS check_no,
                      min(loadDate) OVER (PARTITION BY content_id) AS first_check,
                      max(loadDate) OVER (PARTITION BY content_id) AS last_check
               FROM (SELECT DISTINCT content_id, loadDate FROM stg)),
    offers AS (SELECT s.content_id, s.country, s.provider_id, s.offer_type, s.display_priority, s.loadDate,
                      c.check_no, c.first_check, c.last_check
               FROM stg s JOIN checks c USING (content_id, loadDate) WHERE s.provider_id IS NOT NULL),
    islands AS (SELECT *, check_no - row_number() OVER (PARTITION BY content_id, country, provider_id, offer_type
                                                        ORDER BY loadDate) AS island FROM offers),
    runs AS (SELECT content_id, country, provider_id, offer_type, island, min(loadDate) AS valid_from,
                    max(loadDate) AS last_seen, any_value(first_check) AS first_check, any_value(last_check) AS last_check
             FROM islands GROUP BY ALL)
    SELECT r.content_id, r.country, r.provider_id, r.offer_type, r.valid_from,
           CASE WHEN r.last_seen = r.last_check THEN NULL ELSE r.last_seen END AS valid_to,
           o.display_priority, r.valid_from = r.first_check AS seen_on_first_check, r.last_check AS last_checked
    FROM runs r JOIN offers o ON o.content_id = r.content_id AND o.country = r.country
      AND o.provider_id = r.provider_id AND o.offer_type = r.offer_type AND o.loadDate = r.last_seen`;
  const actual = `SELECT content_id, country, provider_id, offer_type, valid_from, valid_to, display_priority,
                         seen_on_first_check, last_checked FROM ${flat('gold/bridge_content_watch_provider')}`;
  const n = await assertSameRows(expected, actual, 'bridge_content_watch_provider');

  const [s] = await db.all(`
    WITH b AS (SELECT * FROM ${flat('gold/bridge_content_watch_provider')})
    SELECT (SELECT count(*) FROM b WHERE valid_to IS NOT NULL)::INT AS removed,
           (SELECT count(*) FROM b WHERE NOT seen_on_first_check)::INT AS added,
           (SELECT count(*) FROM (SELECT 1 FROM b GROUP BY content_id, country, provider_id, offer_type
                                  HAVING count(*) > 1))::INT AS readded,
           (SELECT count(*) FROM (SELECT 1 FROM b GROUP BY content_id, country, provider_id
                                  HAVING count(DISTINCT offer_type) > 1))::INT AS several_types`);
  assert.ok(s.removed > 20 && s.added > 20 && s.readded > 5 && s.several_types > 5, JSON.stringify(s));
  assert.ok(n > 200, `bridge rows: ${n}`);
});

test('only the configured country reaches stg, every day, with checked-without-offer rows', async () => {
  const rows = await db.all(`SELECT coalesce(country, '(none)') AS country, count(DISTINCT loadDate)::INT AS days
                             FROM ${part('stg/content_watch_provider')} GROUP BY 1 ORDER BY 1`);
  // The sandbox offers DE, FR, GB and US; the client's default keeps US.
  assert.deepEqual(rows.map((r) => r.country), ['(none)', 'US']);
  assert.equal(rows.find((r) => r.country === 'US').days, 30);
  const [{ bad }] = await db.all(`SELECT count(*)::INT AS bad FROM ${part('stg/content_watch_provider')}
      WHERE offer_type NOT IN ('subscription', 'rent', 'buy', 'free', 'ads')`);
  assert.equal(bad, 0);
});

test('dim_watch_provider equals one row per provider from the snapshots', async () => {
  const expected = `
    WITH o AS (SELECT * FROM ${part('stg/content_watch_provider')} WHERE provider_id IS NOT NULL),
    latest AS (SELECT provider_id, provider_name, logo_path,
                      row_number() OVER (PARTITION BY provider_id ORDER BY loadDate DESC, content_id, country, offer_type) AS rn
               FROM o)
    SELECT l.provider_id, l.provider_name, l.logo_path, d.first_seen, d.last_seen
    FROM latest l JOIN (SELECT provider_id, min(loadDate) AS first_seen, max(loadDate) AS last_seen FROM o GROUP BY 1) d
      USING (provider_id) WHERE l.rn = 1`;
  const actual = `SELECT provider_id, provider_name, logo_path, first_seen, last_seen FROM ${flat('gold/dim_watch_provider')}`;
  const n = await assertSameRows(expected, actual, 'dim_watch_provider');
  assert.ok(n >= 5, `providers: ${n}`);
});
