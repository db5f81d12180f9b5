// The independent oracle: DuckDB SQL written from data-model.md (and the
// documented tie rules of the model) recomputes gold from our raw and stg
// tables of a 30-day sandbox backfill; every gold table must match row for row.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { duckdb, FIRST_DAY, LAST_DAY, sandboxLake } from '../lib/cinelake.mjs';

let db;
let lake;
const part = (t) => `read_parquet('${lake}/${t}/*/*.parquet', hive_partitioning = true, hive_types = {'loadDate': DATE})`;
const flat = (t) => `read_parquet('${lake}/${t}/*.parquet', file_row_number = true)`;

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

test('fact_popularity equals the spec recomputed from raw/stg_popularity', async () => {
  const expected = `
    -- The fact ranks by its own popularity column, DECIMAL(10,2), so a user who
    -- re-ranks the fact table gets the same ranks. TMDB sends decimal text
    -- (8.245): it is rounded half away from zero as written (8.25), not as the
    -- nearest binary double (8.2449999...), hence the trip through VARCHAR.
    WITH pop AS (SELECT id AS content_id, type AS content_type, popularity::VARCHAR::DECIMAL(10,2) AS popularity, loadDate
                 FROM ${part('raw/stg_popularity')}),
    days AS (SELECT DISTINCT loadDate FROM pop),
    prev AS (SELECT d.loadDate, (SELECT max(p.loadDate) FROM days p WHERE p.loadDate < d.loadDate) AS prev_load_date FROM days d),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY loadDate ORDER BY popularity DESC, content_id) AS rank,
                row_number() OVER (PARTITION BY loadDate, content_type ORDER BY popularity DESC, content_id) AS rank_in_type
      FROM pop),
    today AS (SELECT r.*, p.prev_load_date FROM ranked r JOIN prev p USING (loadDate))
    SELECT t.loadDate, t.content_id, t.rank::INT AS rank, t.popularity,
           CASE WHEN y.content_id IS NULL THEN 0 ELSE t.rank - y.rank END::INT AS rank_change,
           y.content_id IS NULL AS is_new_joiner, false AS is_leaver, t.content_type,
           t.rank_in_type::INT AS rank_in_type,
           CASE WHEN y.content_id IS NULL THEN 0 ELSE t.rank_in_type - y.rank_in_type END::INT AS rank_change_in_type,
           t.prev_load_date
    FROM today t LEFT JOIN ranked y ON y.loadDate = t.prev_load_date AND y.content_id = t.content_id
    UNION ALL
    SELECT p.loadDate, y.content_id, NULL::INT, 0.00::DECIMAL(10,2), 999, false, true, y.content_type, NULL::INT, 999,
           p.prev_load_date
    FROM prev p JOIN ranked y ON y.loadDate = p.prev_load_date
    WHERE NOT EXISTS (SELECT 1 FROM ranked t WHERE t.loadDate = p.loadDate AND t.content_id = y.content_id)`;
  const actual = `SELECT loadDate, content_id, rank, popularity, rank_change, is_new_joiner, is_leaver, content_type,
                         rank_in_type, rank_change_in_type, prev_load_date FROM ${part('gold/fact_popularity')}`;
  const n = await assertSameRows(expected, actual, 'fact_popularity');
  const [s] = await db.all(`SELECT count(DISTINCT loadDate)::INT AS days, min(loadDate)::VARCHAR AS first,
      max(loadDate)::VARCHAR AS last, sum(is_leaver::INT)::INT AS leavers, sum(is_new_joiner::INT)::INT AS joiners
      FROM ${part('gold/fact_popularity')}`);
  assert.deepEqual([s.days, s.first, s.last], [30, FIRST_DAY, LAST_DAY]);
  // Churn the dashboard relies on: joiners and leavers on most days.
  assert.ok(s.leavers >= 3 * 29, `leavers over 29 days: ${s.leavers}`);
  assert.ok(s.joiners >= 3 * 29, `joiners after day 1: ${s.joiners}`);
  assert.ok(n > 30 * 150);
});

test('the chart measures equal their definitions recomputed from the fact history', async () => {
  // README "Chart measures": a snapshot is a loadDate present; a streak counts
  // consecutive snapshots (a gap day is no snapshot); the peak keeps the
  // earliest date of the best rank; the in-type peak is over the snapshots of
  // the row's content_type; a leaver row has days_on_list 0.
  const expected = `
    WITH f AS (SELECT * FROM ${part('gold/fact_popularity')}),
    snaps AS (SELECT loadDate, row_number() OVER (ORDER BY loadDate) AS sn FROM (SELECT DISTINCT loadDate FROM f)),
    ranked AS (SELECT f.content_id, f.loadDate, f.rank, f.rank_in_type, f.content_type, s.sn
               FROM f JOIN snaps s USING (loadDate) WHERE f.rank IS NOT NULL),
    islands AS (SELECT *, sn - row_number() OVER (PARTITION BY content_id ORDER BY sn) AS island FROM ranked),
    streaks AS (SELECT content_id, loadDate, row_number() OVER (PARTITION BY content_id, island ORDER BY sn) AS streak FROM islands),
    hist AS (SELECT r.loadDate, r.content_id, r.content_type, h.loadDate AS h_date, h.rank AS h_rank,
                    h.rank_in_type AS h_rank_t, h.content_type AS h_type
             FROM f r JOIN ranked h ON h.content_id = r.content_id AND h.loadDate <= r.loadDate),
    peaks AS (SELECT loadDate, content_id, content_type, count(*) AS total, min(h_rank) AS peak_rank, min(h_date) AS debut,
                     min(h_rank_t) FILTER (WHERE h_type = content_type) AS peak_t
              FROM hist GROUP BY loadDate, content_id, content_type),
    peak_dates AS (SELECT h.loadDate, h.content_id,
                          min(h.h_date) FILTER (WHERE h.h_rank = p.peak_rank) AS peak_date,
                          min(h.h_date) FILTER (WHERE h.h_type = h.content_type AND h.h_rank_t = p.peak_t) AS peak_date_t
                   FROM hist h JOIN peaks p USING (loadDate, content_id) GROUP BY h.loadDate, h.content_id)
    SELECT f.loadDate, f.content_id, CASE WHEN f.rank IS NULL THEN 0 ELSE s.streak END::INT AS days_on_list,
           p.total::INT AS total_days_on_list, p.peak_rank::INT AS peak_rank, d.peak_date, p.debut AS debut_date,
           p.peak_t::INT AS peak_rank_in_type, d.peak_date_t AS peak_date_in_type
    FROM f JOIN peaks p USING (loadDate, content_id) JOIN peak_dates d USING (loadDate, content_id)
    LEFT JOIN streaks s USING (loadDate, content_id)`;
  const actual = `SELECT loadDate, content_id, days_on_list, total_days_on_list, peak_rank, peak_date, debut_date,
                         peak_rank_in_type, peak_date_in_type FROM ${part('gold/fact_popularity')}`;
  const n = await assertSameRows(expected, actual, 'fact_popularity chart measures');
  const [all] = await db.all(`SELECT count(*)::INT AS n FROM ${part('gold/fact_popularity')}`);
  assert.equal(n, all.n, 'every fact row has its chart measures');
  // The history exercises what the definitions distinguish: streaks that
  // broke and resumed, and peaks held from an earlier day.
  const [c] = await db.all(`SELECT count(*) FILTER (WHERE days_on_list > 0 AND days_on_list < total_days_on_list)::INT AS resumed,
      count(*) FILTER (WHERE peak_date < loadDate AND rank = peak_rank)::INT AS tied_later,
      max(days_on_list)::INT AS longest FROM ${part('gold/fact_popularity')}`);
  assert.ok(c.resumed > 0, `rows with a resumed streak: ${c.resumed}`);
  assert.ok(c.tied_later > 0, `rows equalling an earlier peak: ${c.tied_later}`);
  assert.equal(c.longest, 30, 'some title is ranked on every one of the 30 snapshots');
});

test('a leaver appears exactly once per departure (defect 1)', async () => {
  const rows = await db.all(`
    WITH f AS (SELECT * FROM ${part('gold/fact_popularity')})
    SELECT l.content_id, l.loadDate::VARCHAR AS d FROM f l
    WHERE l.is_leaver AND NOT EXISTS (
      SELECT 1 FROM f p WHERE p.loadDate = l.prev_load_date AND p.content_id = l.content_id AND p.rank IS NOT NULL)`);
  assert.deepEqual(rows, [], 'every leaver was ranked on the previous snapshot');
});

const winner = (table, key) => `
  (SELECT * EXCLUDE (w) FROM (
     SELECT s.*, row_number() OVER (PARTITION BY s.${key}
       ORDER BY coalesce(d.updated_at, d.created_at) DESC NULLS LAST, s.content_id, s.file_row_number) AS w
     FROM ${flat('stg/' + table)} s LEFT JOIN ${flat('stg/content_detail')} d USING (content_id)) WHERE w = 1)`;

test('every dimension equals the spec recomputed from stg', async () => {
  const g = (t) => `read_parquet('${lake}/gold/${t}/*.parquet')`;
  await assertSameRows(`SELECT content_id, content_type, primary_title, original_title, overview, release_date,
      runtime_minutes, status, original_language, trailer, content_poster, average_rating, vote_count, content_homepage,
      tagline, budget, revenue, created_at, coalesce(updated_at, created_at) AS updated_at FROM ${flat('stg/content_detail')}`,
    `SELECT * FROM ${g('dim_content')}`, 'dim_content');
  await assertSameRows(`SELECT DISTINCT genre_name FROM ${flat('stg/content_genre')}`, `SELECT * FROM ${g('dim_genre')}`, 'dim_genre');
  await assertSameRows(`SELECT DISTINCT interest_name FROM ${flat('stg/content_interest')}`,
    `SELECT * FROM ${g('dim_interest')}`, 'dim_interest');
  await assertSameRows(`SELECT person_id, person_name, person_homepage, person_poster FROM ${winner('content_person', 'person_id')}`,
    `SELECT * FROM ${g('dim_person')}`, 'dim_person');
  await assertSameRows(`SELECT company_id, company_name, company_poster FROM ${winner('content_production', 'company_id')}`,
    `SELECT * FROM ${g('dim_production_company')}`, 'dim_production_company');
  await assertSameRows(`SELECT network_id, network_name, network_poster FROM ${winner('content_network', 'network_id')}`,
    `SELECT * FROM ${g('dim_network')}`, 'dim_network');
  await assertSameRows(`SELECT content_id || '_S' || lpad(season_number::VARCHAR, 2, '0') AS season_key, content_id,
      season_number, name, overview, air_date, episode_count, poster_path FROM ${flat('stg/content_season')}`,
    `SELECT * FROM ${g('dim_season')}`, 'dim_season');
  await assertSameRows(`SELECT content_id || '_S' || lpad(season_number::VARCHAR, 2, '0') || '_E' || lpad(episode_number::VARCHAR, 2, '0') AS episode_key,
      content_id || '_S' || lpad(season_number::VARCHAR, 2, '0') AS season_key, content_id, season_number, episode_number,
      primary_title, original_title, runtime_minutes, average_rating, vote_count, still_path, episode_type, air_date
      FROM ${flat('stg/content_episode')}`, `SELECT * FROM ${g('dim_episode')}`, 'dim_episode');
  const [{ n }] = await db.all(`SELECT count(*)::INT AS n FROM ${part('gold/fact_popularity')} f
      ANTI JOIN ${g('dim_content')} d USING (content_id)`);
  assert.equal(n, 0, 'every fact row has its dim_content row');
});

test('every bridge equals the spec recomputed from stg, with both ends present', async () => {
  const g = (t) => `read_parquet('${lake}/gold/${t}/*.parquet')`;
  await assertSameRows(`SELECT DISTINCT content_id, genre_name FROM ${flat('stg/content_genre')}`,
    `SELECT * FROM ${g('bridge_content_genre')}`, 'bridge_content_genre');
  await assertSameRows(`SELECT DISTINCT content_id, interest_name FROM ${flat('stg/content_interest')}`,
    `SELECT * FROM ${g('bridge_content_interest')}`, 'bridge_content_interest');
  await assertSameRows(`SELECT DISTINCT content_id, company_id FROM ${flat('stg/content_production')}`,
    `SELECT * FROM ${g('bridge_content_company')}`, 'bridge_content_company');
  await assertSameRows(`SELECT DISTINCT content_id, network_id FROM ${flat('stg/content_network')}`,
    `SELECT * FROM ${g('bridge_content_network')}`, 'bridge_content_network');
  await assertSameRows(`SELECT content_id, person_id, role_type, character_names, order_no FROM (
      SELECT *, row_number() OVER (PARTITION BY content_id, person_id, role_type ORDER BY order_no NULLS LAST, file_row_number) AS w
      FROM ${flat('stg/content_person')}) WHERE w = 1`,
    `SELECT * FROM ${g('bridge_content_person')}`, 'bridge_content_person');
  for (const [bridge, dim, key] of [['bridge_content_person', 'dim_person', 'person_id'],
    ['bridge_content_company', 'dim_production_company', 'company_id'], ['bridge_content_network', 'dim_network', 'network_id'],
    ['bridge_content_genre', 'dim_genre', 'genre_name'], ['bridge_content_interest', 'dim_interest', 'interest_name']]) {
    const [{ n }] = await db.all(`SELECT count(*)::INT AS n FROM ${g(bridge)} b
        WHERE b.${key} NOT IN (SELECT ${key} FROM ${g(dim)}) OR b.content_id NOT IN (SELECT content_id FROM ${g('dim_content')})`);
    assert.equal(n, 0, `${bridge}: both ends exist`);
  }
});

test('the generated DuckDB catalog runs as is and its views agree with the files', async () => {
  const sql = fs.readFileSync(path.join(lake, 'gold/_catalog/duckdb.sql'), 'utf8');
  await db.all(sql);
  const views = await db.all(`SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1`);
  const names = views.map((v) => v.view_name);
  for (const t of ['fact_popularity', 'dim_content', 'bridge_content_person', 'stg_popularity', 'content_detail']) {
    assert.ok(names.includes(t), `a view for ${t} (have ${names.join(', ')})`);
  }
  const [viaView] = await db.all(`SELECT count(*)::INT AS n, typeof(any_value(loadDate)) AS t FROM fact_popularity`);
  const [direct] = await db.all(`SELECT count(*)::INT AS n FROM ${part('gold/fact_popularity')}`);
  assert.equal(viaView.n, direct.n);
  assert.equal(viaView.t, 'DATE', 'loadDate comes from the folder names as a DATE');
  const [joined] = await db.all(`SELECT count(*)::INT AS n FROM fact_popularity f JOIN dim_content d USING (content_id)`);
  assert.equal(joined.n, direct.n, 'the views join as the model says');
});

// Where to watch (README "Where to watch"): the sandbox serves four countries
// while the client keeps only US (the default), and its offers change over the
// month, so the history holds removals, re-additions and offer type changes.
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
