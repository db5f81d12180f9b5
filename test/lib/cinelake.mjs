// Helpers for node tests that drive the built cinelake binary: a sandbox on
// loopback, pipeline runs, and a cached 30-day sandbox lake shared by the
// suites (built once per build directory).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const BIN = process.env.CINELAKE_BIN ?? path.resolve('build/cinelake');
// A sandbox with generous rate limits and a client config that matches it,
// so suites are not paced like the real APIs.
export const FAST_SANDBOX = path.resolve('config/sandbox-fast.json');
export const FAST_CLIENT = path.resolve('config/sandbox-client.toml');
export const BUILD_DIR = process.env.CINELAKE_BUILD_DIR ?? path.resolve('build');

// Fixed dates keep every suite deterministic and its cache valid.
export const FIRST_DAY = '2026-10-01';
export const LAST_DAY = '2026-10-30';

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cinelake-${prefix}-`));
}

// Runs cinelake (or another copy of it, `bin`) to completion; returns {code, signal, stdout, stderr}.
export function run(args, { timeoutMs = 300_000, env = {}, bin = BIN } = {}) {
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, ...env } });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

// As run(), without blocking the event loop: for a test that serves
// something the run talks to (a webhook receiver) in its own process.
export function runAsync(args, { timeoutMs = 300_000, env = {}, bin = BIN } = {}) {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

// Export files as small as the suites need: every daily run fetches both, and
// full-size ones (1.2M + 200k lines) are for the benchmark.
export const SMALL_CATALOG = ['--movie-catalog', '3000', '--series-catalog', '600'];

// Starts `cinelake sandbox` on an ephemeral loopback port (small export files
// unless extraArgs size them).
export async function startSandbox(extraArgs = ['--faults', FAST_SANDBOX], { bin = BIN } = {}) {
  const sized = extraArgs.includes('--movie-catalog') ? [] : SMALL_CATALOG;
  return startListening(bin, ['sandbox', '--port', '0', ...sized, ...extraArgs]);
}

// Starts a cinelake command that prints the loopback URL it listens on
// (sandbox, serve); resolves {url, stderr(), stop()} once it has.
export async function startListening(bin, args) {
  const name = args[0];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 20 s: ${err}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited ${code}: ${err}`)); });
  });
  return {
    url,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => { const t = setTimeout(() => { child.kill('SIGKILL'); r(); }, 5000); child.on('exit', () => { clearTimeout(t); r(); }); });
    },
  };
}

// One request on a fresh connection (no keep-alive pool: the sandbox closes
// idle connections, and a pooled one would fail the next request).
export function sandboxJson(url, pathname, { method = 'GET', body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url + pathname, { method, agent: false, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        try { resolve({ status: res.statusCode, body: JSON.parse(text) }); } catch (e) { reject(e); }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${pathname}: timed out`)));
    req.on('error', reject);
    if (body !== undefined) req.write(typeof body === 'string' ? body : JSON.stringify(body));
    req.end();
  });
}

// A lake with FIRST_DAY..LAST_DAY backfilled from a sandbox (seed 42),
// built once per build directory and reused by every suite.
export async function sandboxLake() {
  const dir = path.join(BUILD_DIR, 'test-lakes', `sandbox-${FIRST_DAY}-${LAST_DAY}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done) && fs.statSync(done).mtimeMs >= fs.statSync(BIN).mtimeMs) return dir;
  // Another suite may be building it right now: a lock folder serialises that.
  const lockDir = `${dir}.lock`;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const start = Date.now();
  while (true) {
    try { fs.mkdirSync(lockDir); break; } catch {
      if (Date.now() - start > 600_000) throw new Error('timed out waiting for the shared test lake');
      await new Promise((r) => setTimeout(r, 500));
      if (fs.existsSync(done) && fs.statSync(done).mtimeMs >= fs.statSync(BIN).mtimeMs) return dir;
    }
  }
  try {
    fs.rmSync(dir, { recursive: true, force: true });
    const sb = await startSandbox();
    try {
      const r = run(['backfill', '--lake', dir, '--sandbox', sb.url, '--config', FAST_CLIENT, '--from', FIRST_DAY, '--to', LAST_DAY],
                    { timeoutMs: 600_000 });
      if (r.code !== 0) throw new Error(`backfill failed (${r.code}): ${r.stderr.slice(-4000)}`);
    } finally {
      await sb.stop();
    }
    fs.writeFileSync(done, new Date().toISOString());
    return dir;
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// DuckDB from the test-only npm packages.
export async function duckdb() {
  const { DuckDBInstance } = await import('../oracle/node_modules/@duckdb/node-api/lib/index.js');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  return {
    async all(sql) { return (await conn.runAndReadAll(sql)).getRowObjectsJson(); },
    close() { conn.closeSync?.(); },
  };
}
