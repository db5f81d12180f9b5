// Fetches from the JSON API, one function per endpoint, each typed with the
// answer it gets (api-types.js); errors carry the server's message.

/** @typedef {import('./api-types.js').Landing} Landing */
/** @typedef {import('./api-types.js').DatesAnswer} DatesAnswer */
/** @typedef {import('./api-types.js').Top10Answer} Top10Answer */
/** @typedef {import('./api-types.js').KpiTable} KpiTable */
/** @typedef {import('./api-types.js').TitleDetail} TitleDetail */
/** @typedef {import('./api-types.js').SeasonAnswer} SeasonAnswer */
/** @typedef {import('./api-types.js').SearchAnswer} SearchAnswer */
/** @typedef {import('./api-types.js').TrendsAnswer} TrendsAnswer */
/** @typedef {import('./api-types.js').ChartsAnswer} ChartsAnswer */
/** @typedef {import('./api-types.js').RunsAnswer} RunsAnswer */
/** @typedef {import('./api-types.js').CatalogAnswer} CatalogAnswer */
/** @typedef {import('./api-types.js').CatalogSearchAnswer} CatalogSearchAnswer */
/** @typedef {import('./api-types.js').CatalogTrendAnswer} CatalogTrendAnswer */
/** @typedef {import('./api-types.js').StreamingAnswer} StreamingAnswer */

/** An API error: the server's message and HTTP status. */
export class ApiError extends Error {
  /** @param {string} message @param {number} status */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * @param {string} path
 * @param {Record<string, string | undefined | null>} [params]
 * @returns {Promise<any>}
 */
async function get(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const url = qs.toString() ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) throw new ApiError((body && body.error) || `HTTP ${res.status}`, res.status);
  return body;
}

const seg = encodeURIComponent;

/** @param {string} date @returns {Promise<Landing>} */
export const fetchLanding = (date) => get('/api/landing', { date });
/** @returns {Promise<DatesAnswer>} */
export const fetchDates = () => get('/api/dates');
/** @returns {Promise<Top10Answer>} */
export const fetchTop10 = () => get('/api/top10');
/** @param {string} name @param {string} date @returns {Promise<KpiTable>} */
export const fetchKpi = (name, date) => get(`/api/kpi/${seg(name)}`, { date });
/** @param {string} id @param {string} date @returns {Promise<TitleDetail>} */
export const fetchTitle = (id, date) => get(`/api/title/${seg(id)}`, { date });
/** @param {string} id @param {string | number} n @returns {Promise<SeasonAnswer>} */
export const fetchSeason = (id, n) => get(`/api/title/${seg(id)}/season/${seg(String(n))}`);
/** @param {string} q @returns {Promise<SearchAnswer>} */
export const searchTitles = (q) => get('/api/search', { q });
/** @param {string[]} ids @param {string} from @param {string} to @returns {Promise<TrendsAnswer>} */
export const fetchTrends = (ids, from, to) => get('/api/trends', { ids: ids.join(','), from, to });
/** @param {string} window 1, 7 or 30 (days) @param {string} date @returns {Promise<ChartsAnswer>} */
export const fetchCharts = (window, date) => get('/api/charts', { window, date });
/** @param {number} [limit] @returns {Promise<RunsAnswer>} */
export const fetchRuns = (limit) => get('/api/runs', { limit: limit ? String(limit) : '' });
/** @param {string} date @returns {Promise<CatalogAnswer>} */
export const fetchCatalog = (date) => get('/api/catalog', { date });
/** @param {string} q @returns {Promise<CatalogSearchAnswer>} */
export const searchCatalog = (q) => get('/api/catalog/search', { q });
/** @param {string} id a TMDB path @returns {Promise<CatalogTrendAnswer>} */
export const fetchCatalogTrend = (id) => get('/api/catalog/trend', { id });
/** @param {string} country @param {string} date @returns {Promise<StreamingAnswer>} */
export const fetchStreaming = (country, date) => get('/api/streaming', { country, date });
