// The JSON API's answers (docs/dashboard-api.md), as JSDoc types that the
// typecheck (web/tsconfig.json, ctest web-typecheck) holds the pages to.
// Blank values are null; labels (type_label, change_text, time_left) are the
// API's display text, shown as sent.

/** @typedef {{date: string, prev_date: string | null, latest_date: string}} DayHeader */

/**
 * @typedef {object} TitleRow
 * @property {string} id
 * @property {string} title
 * @property {string} type
 * @property {string} type_label
 * @property {string | null} poster
 * @property {string[]} genres
 * @property {number | null} rating
 * @property {number | null} votes
 * @property {number | null} year
 * @property {number | null} runtime
 * @property {string[]} cast
 * @property {number | null} rank
 * @property {number | null} rank_change
 * @property {string | null} change_text
 * @property {boolean} is_new_joiner
 * @property {'up' | 'down' | 'flat' | null} arrow
 * @property {number | null} days_on_list   the current streak in snapshots (null when not ranked that day)
 * @property {number | null} peak_rank
 * @property {string | null} peak_date
 */

/** @typedef {{id: string, name: string, logo: string | null}} OrgRef */
/** @typedef {{type: string, type_label: string, trending: number, total: number}} KindTrend */
/** @typedef {{binge: number, quick: number, oncoming: number, global: number}} KpiCounts */
/** @typedef {TitleRow & {gem_rank: number}} GemRow */
/** @typedef {OrgRef & {titles: number}} NetworkRow */
/** @typedef {{id: string, title: string, type: string, type_label: string, rank: number, rank_change: number, change_text: string}} MoverRow */

/**
 * @typedef {DayHeader & {
 *   trending: KindTrend[], kpis: KpiCounts, top10: TitleRow[], hidden_gems: GemRow[],
 *   networks: NetworkRow[], raises: MoverRow[], falls: MoverRow[]
 * }} Landing
 */
/** @typedef {DayHeader & {top10: TitleRow[]}} Top10Answer */

/**
 * dim_content's pass-through columns by column name (tagline, ...): text,
 * number or boolean, null when unknown; a new column appears here unnamed.
 * @typedef {Record<string, string | number | boolean | null>} TitleDetails
 */
/**
 * @typedef {TitleRow & {
 *   avg_episode_runtime: number | null, total_runtime: number | null, networks: OrgRef[],
 *   trailer: string | null, details: TitleDetails, language: string | null, interests: string[],
 *   release_date: string | null, revenue: number | null, budget: number | null,
 *   days_left?: number, time_left?: string
 * }} KpiRow
 */
/** @typedef {DayHeader & {kpi: string, count: number, titles: KpiRow[]}} KpiTable */

/** @typedef {{id: string, name: string, photo: string | null, role: string}} PersonRef */
/** @typedef {PersonRef & {characters: string[], order: number | null}} CastMember */
/** @typedef {{date: string, rank: number}} RankPoint */
/** @typedef {{date: string, rank: number, low: number, high: number}} ForecastPoint */
/**
 * @typedef {object} RankTrend
 * @property {string[]} dates
 * @property {(number | null)[]} ranks
 * @property {(number | null)[]} popularity
 * @property {number | null} average
 * @property {RankPoint | null} high
 * @property {RankPoint | null} low
 * @property {ForecastPoint[]} forecast
 * @property {(number | null)[]} popularity_avg7   the 7-day moving average of popularity per date
 */
/**
 * @typedef {{as_of: string, days_on_list: number, total_days_on_list: number | null, peak_rank: number | null,
 *   peak_date: string | null, debut_date: string | null}} ChartMeasures
 */
/**
 * @typedef {{number: number, name: string | null, air_date: string | null, episode_count: number,
 *   episodes_listed: number, poster: string | null, avg_rating: number | null, overview: string | null}} SeasonSummary
 */
/**
 * @typedef {{season_count: number, episode_count: number, first_air_date: string | null,
 *   last_air_date: string | null, avg_episode_runtime: number | null, total_runtime: number | null,
 *   seasons: SeasonSummary[]}} SeriesFacts
 */
/**
 * @typedef {DayHeader & Omit<TitleRow, 'cast'> & {
 *   list_runtime: number | null, original_title: string | null, release_date: string | null,
 *   status: string | null, language: string | null, details: TitleDetails, overview: string | null,
 *   homepage: string | null, trailer: string | null, interests: string[], budget: number | null,
 *   revenue: number | null, roi: number | null,
 *   popularity: {today: number | null, yesterday: number | null, min: number | null, max: number | null},
 *   cast: CastMember[], directors: PersonRef[], creators: PersonRef[], writers: PersonRef[],
 *   networks: OrgRef[], companies: OrgRef[], trend: RankTrend, series: SeriesFacts | null,
 *   chart: ChartMeasures | null, catalog: CatalogRank | null, watch: TitleWatch
 * }} TitleDetail
 */
/** @typedef {{id: number, name: string, logo: string | null, priority: number | null, since: string}} WatchOffer */
/**
 * Offers on the page's day: offers[country][offer_type] (subscription, free,
 * ads, rent, buy), providers by display priority.
 * @typedef {{as_of: string, countries: string[], offers: Record<string, Record<string, WatchOffer[]>>}} TitleWatch
 */
/**
 * @typedef {{id: string, title: string | null, type: string, poster: string | null, provider_id: number,
 *   provider: string, logo: string | null, offer_type: string, date: string}} StreamingChange
 */
/**
 * @typedef {{date: string, country: string, countries: string[], from: string, to: string,
 *   added: StreamingChange[], leaving: StreamingChange[]}} StreamingAnswer
 */
/**
 * @typedef {{number: number, title: string | null, type: string | null, type_label: string,
 *   rating: number | null, runtime: number | null, air_date: string | null, votes: number | null,
 *   still: string | null}} EpisodeRow
 */
/** @typedef {{id: string, title: string, status: string | null, season: SeasonSummary, episodes: EpisodeRow[]}} SeasonAnswer */

/** @typedef {{id: string, title: string, type: string, type_label: string, year: number | null, poster: string | null, rank: number | null}} SearchHit */
/** @typedef {{q: string, total: number, results: SearchHit[]}} SearchAnswer */
/** @typedef {{id: string, title: string, type: string, type_label: string, ranks: (number | null)[], popularity: (number | null)[], popularity_avg7: (number | null)[]}} TrendSeries */
/** @typedef {{from: string, to: string, dates: string[], series: TrendSeries[]}} TrendsAnswer */
/** @typedef {TitleRow & {debut_date: string | null, total_days_on_list: number | null}} ChartRow */
/** @typedef {ChartRow & {start_rank: number, climb: number, climb_text: string}} ClimberRow */
/**
 * @typedef {DayHeader & {window_days: number, start_date: string | null, new_entries: ChartRow[],
 *   longest_running: ChartRow[], climbers: ClimberRow[]}} ChartsAnswer
 */
/** @typedef {{latest: string | null, dates: string[], titles: number}} DatesAnswer */
/** @typedef {{error: string}} ErrorAnswer */

// The whole catalog (gold/fact_catalog_popularity): ids are TMDB paths, movie/<n> or tv/<n>.
/** @typedef {{date: string, tmdb_id: string, rank: number | null, popularity: number | null, ranked: number}} CatalogRank */
/**
 * @typedef {{rank: number, tmdb_id: string, title: string | null, content_type: string, content_id: string | null,
 *   popularity: number, rank_change: number | null, new_joiner: boolean}} CatalogRow
 */
/**
 * @typedef {{date: string, prev_date: string | null, first_date: string, last_date: string, days: number,
 *   ranked: number, top: CatalogRow[], breakouts: CatalogRow[], breakouts_total: number, climbers: CatalogRow[]}} CatalogAnswer
 */
/**
 * @typedef {{tmdb_id: string, title: string | null, content_type: string, content_id: string | null,
 *   rank: number | null, popularity: number | null}} CatalogHit
 */
/** @typedef {{query: string, date: string | null, titles: CatalogHit[], more: boolean}} CatalogSearchAnswer */
/**
 * @typedef {{tmdb_id: string, title: string | null, content_type: string, content_id: string | null,
 *   dates: string[], ranks: (number | null)[], popularity: (number | null)[]}} CatalogTrendAnswer
 */

export {};

/** @typedef {{api: string, endpoint: string, cause: string, count: number}} ApiIssueRow */
/**
 * @typedef {object} RunStep
 * @property {string} name
 * @property {'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | string} state
 * @property {number} attempts
 * @property {number} duration_ms
 * @property {string | null} error
 * @property {ApiIssueRow[]} issues
 */
/** @typedef {{name: string, status: 'pass' | 'warn' | 'fail', figure: number, message: string}} QualityCheckRow */
/**
 * @typedef {object} RunRow
 * @property {string} run_id
 * @property {string} load_date
 * @property {string} state
 * @property {'ok' | 'degraded' | 'failed' | 'running' | 'interrupted'} verdict
 * @property {string} started_at
 * @property {number} duration_s
 * @property {number} resumed
 * @property {boolean} full_refresh
 * @property {string | null} error
 * @property {Record<string, number>} requests
 * @property {Record<string, number>} quota_remaining
 * @property {RunStep[]} steps
 * @property {QualityCheckRow[]} checks
 */
/** @typedef {{runs: RunRow[], total: number, unreadable: number}} RunsAnswer */
