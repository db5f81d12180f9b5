// The dashboard's landing API under load, with 365 days of history.
//
// Targets (docs/dashboard-api.md; a benchmark, never a test): the landing
// answer's p95 latency <= 20 ms, and wrk's requests per second with zero
// errors. The lake is the `cinelake-testkit dev-fixture --days 365` (the
// deterministic synthetic lake; a 365-day sandbox backfill would take minutes
// to build): the server precomputes every day's landing answer at load, so
// its speed depends on the number of days and titles, which the fixture has.
//
// Steps: build the lake in a temp folder; start `cinelake serve` on
// 127.0.0.1 with an ephemeral port; check it serves 365 dates; time N
// sequential GET /api/landing?date=<d> (the dates cycled) on one keep-alive
// connection, then on a new connection each; then `wrk` for a bounded
// duration on loopback, its requests cycling through the dates too.
// Output: "key value" lines for scripts/bench.sh, then a summary. Exits 1
// when the run itself fails (server, non-200 answers, wrk errors); a missed
// speed target is reported, not a failure.
//
//   node bench/dashboard_bench.mjs [--days 365] [--requests 2000] [--wrk-seconds 10]
//                                  [--wrk-connections 16] [--wrk-threads 2]
//   env CINELAKE_BIN (default build/cinelake)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.CINELAKE_BIN ?? path.join(root, 'build/cinelake');
const TESTKIT = process.env.CINELAKE_TESTKIT ?? path.join(path.dirname(BIN), 'cinelake-testkit');
const TARGET_P95_MS = 20;

function option(name, fallback, max) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`--${name}: give an integer 1..${max}`);
  return v;
}
const DAYS = option('days', 365, 3000);
const REQUESTS = option('requests', 2000, 100_000);
const WRK_SECONDS = option('wrk-seconds', 10, 120);
const WRK_CONNECTIONS = option('wrk-connections', 16, 256);
const WRK_THREADS = option('wrk-threads', 2, 8);

const log = (...a) => console.error(...a);
const out = (k, v) => console.log(`${k} ${v}`);

async function startServer(lake, web) {
  const child = spawn(BIN, ['serve', '--lake', lake, '--listen', '127.0.0.1:0', '--web', web], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 120 s: ${err}`)), 120_000);
    child.stdout.on('data', (d) => {
      text += d;
      const m = text.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${err}`)); });
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 5000);
    child.on('exit', () => { clearTimeout(t); resolve(); });
    child.kill('SIGTERM');
  });
  return { url, stop };
}

function get(url, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: 5000 }, (res) => {
      let n = 0;
      res.on('data', (d) => { n += d.length; });
      res.on('end', () => resolve({ status: res.statusCode, bytes: n }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout ${url}`)));
    req.on('error', reject);
  });
}

async function getJson(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => { try { resolve(JSON.parse(body)); } catch (e) { reject(e); } });
    }).on('error', reject);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

// Sequential requests; returns sorted latencies in ms. Non-200 is fatal.
async function timeRequests(url, dates, n, agent) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const d = dates[(i * 37) % dates.length];
    const t0 = process.hrtime.bigint();
    const r = await get(`${url}/api/landing?date=${d}`, agent);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 200) throw new Error(`landing ${d}: HTTP ${r.status}`);
  }
  return times.sort((a, b) => a - b);
}

function runWrk(url, dates, work) {
  const script = path.join(work, 'landing.lua');
  fs.writeFileSync(script, `-- cycles GET /api/landing through every date
local dates = {${dates.map((d) => `"${d}"`).join(',')}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/landing?date=" .. dates[(i % #dates) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("wrk_p50_ms %.3f\\nwrk_p95_ms %.3f\\nwrk_p99_ms %.3f\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("wrk_requests %d\\nwrk_non2xx %d\\nwrk_socket_errors %d\\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
`);
  const r = spawnSync('wrk', ['-t', String(WRK_THREADS), '-c', String(WRK_CONNECTIONS), '-d', `${WRK_SECONDS}s`, '--timeout', '5s',
    '-s', script, `${url}/api/landing`], { encoding: 'utf8', timeout: (WRK_SECONDS + 30) * 1000 });
  if (r.error) throw new Error(`wrk: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`wrk exited ${r.status}: ${r.stderr}`);
  const figures = Object.fromEntries([...r.stdout.matchAll(/^(wrk_\w+) (\S+)$/gm)].map((m) => [m[1], Number(m[2])]));
  const rps = r.stdout.match(/Requests\/sec:\s+([\d.]+)/);
  if (!rps || figures.wrk_requests === undefined) throw new Error(`wrk output not understood:\n${r.stdout}`);
  figures.wrk_rps = Number(rps[1]);
  return figures;
}

async function main() {
  if (!fs.existsSync(BIN)) throw new Error(`no cinelake binary at ${BIN} (set CINELAKE_BIN)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-dashboard-bench-'));
  let server;
  try {
    const lake = path.join(work, 'lake');
    let t0 = Date.now();
    const fx = spawnSync(TESTKIT, ['dev-fixture', '--lake', lake, '--days', String(DAYS)], { encoding: 'utf8', timeout: 600_000 });
    if (fx.status !== 0) throw new Error(`dev-fixture failed (${fx.status ?? fx.signal}): ${fx.stderr}`);
    log(`lake: ${DAYS}-day dev-fixture in ${Date.now() - t0} ms`);
    const web = path.join(work, 'web');  // the API is measured, not the static files
    fs.mkdirSync(web);
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>bench</title>');

    t0 = Date.now();
    server = await startServer(lake, web);
    const loadMs = Date.now() - t0;
    const { dates } = await getJson(`${server.url}/api/dates`);
    if (dates.length !== DAYS) throw new Error(`serve has ${dates.length} dates, expected ${DAYS}`);
    const sample = await getJson(`${server.url}/api/landing?date=${dates[0]}`);
    if (sample.top10?.length !== 10) throw new Error('landing answer without a top 10');
    const bytes = Buffer.byteLength(JSON.stringify(sample));

    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await timeRequests(server.url, dates, Math.min(200, REQUESTS), keepAlive);  // warm-up
    const warm = await timeRequests(server.url, dates, REQUESTS, keepAlive);
    keepAlive.destroy();
    const fresh = await timeRequests(server.url, dates, Math.min(500, REQUESTS), false);
    const wrk = runWrk(server.url, dates, work);

    out('dashboard_lake', `dev-fixture-${DAYS}d`);
    out('dashboard_days', dates.length);
    out('dashboard_server_start_ms', loadMs);
    out('dashboard_landing_bytes', bytes);
    out('dashboard_landing_p50_ms', pct(warm, 50).toFixed(3));
    out('dashboard_landing_p95_ms', pct(warm, 95).toFixed(3));
    out('dashboard_landing_p99_ms', pct(warm, 99).toFixed(3));
    out('dashboard_landing_max_ms', warm.at(-1).toFixed(3));
    out('dashboard_landing_newconn_p95_ms', pct(fresh, 95).toFixed(3));
    out('dashboard_landing_target_p95_ms', TARGET_P95_MS);
    out('dashboard_wrk_seconds', WRK_SECONDS);
    out('dashboard_wrk_connections', WRK_CONNECTIONS);
    out('dashboard_wrk_rps', wrk.wrk_rps.toFixed(1));
    out('dashboard_wrk_requests', wrk.wrk_requests);
    out('dashboard_wrk_p50_ms', wrk.wrk_p50_ms.toFixed(3));
    out('dashboard_wrk_p95_ms', wrk.wrk_p95_ms.toFixed(3));
    out('dashboard_wrk_p99_ms', wrk.wrk_p99_ms.toFixed(3));
    const errors = wrk.wrk_non2xx + wrk.wrk_socket_errors;
    out('dashboard_wrk_errors', errors);

    const p95 = pct(warm, 95);
    console.log(`\nDashboard landing API, ${DAYS} days of history (lake: \`cinelake-testkit dev-fixture --days ${DAYS}\`, synthetic)`);
    console.log(`  sequential, keep-alive, ${REQUESTS} requests over every date: p50 ${pct(warm, 50).toFixed(2)} ms, ` +
        `p95 ${p95.toFixed(2)} ms, p99 ${pct(warm, 99).toFixed(2)} ms  (target p95 <= ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'})`);
    console.log(`  sequential, new connection each, ${fresh.length} requests: p95 ${pct(fresh, 95).toFixed(2)} ms`);
    console.log(`  wrk -t${WRK_THREADS} -c${WRK_CONNECTIONS} -d${WRK_SECONDS}s on 127.0.0.1: ${wrk.wrk_rps.toFixed(0)} req/s, ` +
        `${wrk.wrk_requests} requests, p95 ${wrk.wrk_p95_ms.toFixed(2)} ms, errors ${errors} (target 0)`);
    if (errors !== 0) throw new Error(`wrk saw ${wrk.wrk_non2xx} non-2xx answers and ${wrk.wrk_socket_errors} socket errors`);
  } finally {
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => { log(`dashboard_bench: ${e.message}`); process.exit(1); });
