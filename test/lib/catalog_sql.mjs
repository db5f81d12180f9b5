// DuckDB SQL for gold/fact_catalog_popularity written from the rules in
// data-model.md and src/jobs/catalog_export/catalog_ranking.h, independently
// of the C++ code: the oracle test and the catalog benchmark both use it.

// A relation of raw export rows from TMDB's .json.gz files: per file the kept
// lines (positive integer id, popularity a number in [0, 1e8)), a repeated id
// keeping its highest popularity. `files` = [{path, loadDate, type}], type
// 'movie' or 'tvSeries'.
export function exportRowsSql(files) {
  const parts = files.map(({ path, loadDate, type }) => `
    SELECT DATE '${loadDate}' AS loadDate, '${type}' AS content_type, id, popularity
    FROM read_json('${path.replaceAll("'", "''")}', format = 'newline_delimited', ignore_errors = true,
                   columns = {id: 'BIGINT', popularity: 'DOUBLE'})`);
  return `SELECT loadDate, content_type, id, max(popularity) AS popularity
          FROM (${parts.join(' UNION ALL ')})
          WHERE id > 0 AND popularity >= 0 AND popularity < 1e8
          GROUP BY ALL`;
}

// The fact rows of every day of `raw` (loadDate, content_type, id, popularity),
// with IMDB ids from `lists` (loadDate, id, tmdb_id: raw/stg_contentIDs) or
// none when it is null. Columns as gold/fact_catalog_popularity plus loadDate.
export function catalogFactSql(raw, lists = null) {
  const map = lists === null
    ? `SELECT NULL::VARCHAR AS tmdb_id, NULL::DATE AS seen, NULL::VARCHAR AS content_id WHERE false`
    : `SELECT tmdb_id, loadDate AS seen, min(id) AS content_id FROM (${lists}) WHERE tmdb_id IS NOT NULL GROUP BY ALL`;
  return `
    WITH snap AS (SELECT loadDate, content_type, id,
                         -- cents from the decimal text, half away from zero, as the fact does
                         popularity::VARCHAR::DECIMAL(10,2) AS popularity FROM (${raw})),
    days AS (SELECT DISTINCT loadDate FROM snap),
    prev AS (SELECT d.loadDate, (SELECT max(p.loadDate) FROM days p WHERE p.loadDate < d.loadDate) AS prev_load_date
             FROM days d),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY loadDate ORDER BY popularity DESC, content_type, id) AS rank,
                row_number() OVER (PARTITION BY loadDate, content_type ORDER BY popularity DESC, id) AS rank_in_type
      FROM snap),
    today AS (SELECT r.*, p.prev_load_date FROM ranked r JOIN prev p USING (loadDate)),
    fact AS (
      SELECT t.loadDate, t.content_type, t.id, t.rank::INT AS rank, t.popularity,
             CASE WHEN y.id IS NULL THEN 0 ELSE t.rank - y.rank END::INT AS rank_change,
             y.id IS NULL AS is_new_joiner, false AS is_leaver, t.rank_in_type::INT AS rank_in_type,
             CASE WHEN y.id IS NULL THEN 0 ELSE t.rank_in_type - y.rank_in_type END::INT AS rank_change_in_type,
             t.prev_load_date
      FROM today t LEFT JOIN ranked y
        ON y.loadDate = t.prev_load_date AND y.content_type = t.content_type AND y.id = t.id
      UNION ALL
      SELECT p.loadDate, y.content_type, y.id, NULL::INT, 0.00::DECIMAL(10,2), 999, false, true, NULL::INT, 999,
             p.prev_load_date
      FROM prev p JOIN ranked y ON y.loadDate = p.prev_load_date
      WHERE NOT EXISTS (SELECT 1 FROM snap t
                        WHERE t.loadDate = p.loadDate AND t.content_type = y.content_type AND t.id = y.id)),
    named AS (SELECT *, (CASE content_type WHEN 'movie' THEN 'movie/' ELSE 'tv/' END) || id AS tmdb_id FROM fact),
    map AS (${map})
    SELECT f.loadDate, f.tmdb_id, f.rank, f.popularity, f.rank_change, f.is_new_joiner, f.is_leaver, f.content_type,
           f.rank_in_type, f.rank_change_in_type, f.prev_load_date, m.content_id,
           f.id AS _id  -- for ordering only
    FROM named f ASOF LEFT JOIN map m ON m.tmdb_id = f.tmdb_id AND f.loadDate >= m.seen`;
}
