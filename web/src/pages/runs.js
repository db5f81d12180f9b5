// Runs: the pipeline's latest runs from their manifests (GET /api/runs), as
// the original's operator saw each execution of its state machine: every
// step with its state, attempts and time, the requests and quota of each
// API, the data-quality checks, and what went wrong.
import { h } from '../dom.js';
import * as fmt from '../format.js';
import { fetchRuns } from '../api.js';
import { card, table } from '../components.js';

/** @typedef {import('../api-types.js').RunRow} RunRow */

const VERDICT_TEXT = { ok: 'OK', degraded: 'Degraded', failed: 'Failed', running: 'Running', interrupted: 'Interrupted' };

/** @param {number} ms */
function duration(ms) {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** @param {string} verdict */
export function verdictBadge(verdict) {
  return h('span', { class: `badge badge-${verdict}`, 'data-verdict': verdict }, VERDICT_TEXT[verdict] || verdict);
}

/** @param {Record<string, number>} counts */
function perApi(counts) {
  const keys = Object.keys(counts);
  return keys.length ? keys.map((k) => `${k} ${fmt.compact(counts[k])}`).join(' · ') : '-';
}

/** @param {RunRow} run */
function runCard(run) {
  const steps = table([
    { head: 'Step', cell: (s) => s.name },
    { head: 'State', cell: (s) => h('span', { class: `step-state step-${s.state}` }, s.state) },
    { head: 'Attempts', cls: 'num', cell: (s) => String(s.attempts) },
    { head: 'Duration', cls: 'num', cell: (s) => duration(s.duration_ms) },
    { head: 'Error', cls: 'run-error', cell: (s) => s.error || (s.issues.length ? s.issues.map((i) => `${i.api} ${i.endpoint}: ${i.cause} (${i.count}×)`).join('; ') : '') },
  ], run.steps, { cls: 'run-steps', empty: 'No steps recorded' });
  const checks = run.checks.length
    ? h('ul', { class: 'checks' }, run.checks.map((c) => h('li', { class: `check check-${c.status}`, 'data-check': c.name },
      h('span', { class: 'check-status' }, c.status), ' ', h('span', { class: 'check-name' }, c.name), ': ', c.message)))
    : h('div', { class: 'empty' }, 'No quality checks ran');
  return h('section', { class: `card run-card run-${run.verdict}`, 'data-testid': 'run', 'data-date': run.load_date, 'data-state': run.state },
    h('h2', { class: 'card-title' }, fmt.date(run.load_date), ' ', verdictBadge(run.verdict)),
    h('div', { class: 'run-meta' },
      h('span', null, `started ${run.started_at.replace('T', ' ').replace('Z', ' UTC')}`),
      h('span', null, `took ${duration(Math.round(run.duration_s * 1000))}`),
      run.resumed ? h('span', null, `resumed ${run.resumed}×`) : null,
      h('span', null, `requests: ${perApi(run.requests)}`),
      h('span', null, `quota left: ${perApi(run.quota_remaining)}`),
      h('span', { class: 'run-id' }, run.run_id)),
    run.error ? h('div', { class: 'run-error run-failure', 'data-testid': 'run-error' }, run.error) : null,
    steps,
    h('h3', { class: 'card-sub' }, 'Quality checks'),
    checks);
}

export async function runsPage() {
  const data = await fetchRuns(30);
  document.title = 'cinelake · Runs';
  return h('div', { class: 'page runs' },
    card(null, 'runs-head',
      h('h1', { class: 'page-title' }, 'Runs'),
      h('div', { class: 'card-sub' }, `The latest ${data.runs.length} of ${data.total} runs`,
        data.unreadable ? ` · ${data.unreadable} manifest(s) could not be read` : '')),
    data.runs.length ? data.runs.map(runCard) : card(null, 'empty', 'No runs yet.'));
}
