// `cinelake serve` against hostile clients: slow request heads (slowloris),
// Range amplification, and GET requests carrying a body. Each test asserts
// the defence's correctness bound (a normal request is still answered, memory
// stays bounded, a body is refused), not a speed: the bounds are far from
// what a working defence needs and far below what a missing one costs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';

const TESTKIT = process.env.CINELAKE_TESTKIT ?? path.join(process.env.CINELAKE_BUILD_DIR ?? 'build', 'src/cli/testing/cinelake-testkit');
const SLOW_SOCKETS = 500;
const DRIP_MS = 3000;
const BIG_FILE_BYTES = 200_000;
const MB = 1024 * 1024;

let tmp;
let server;
let port;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-hostile-'));
  const lake = path.join(tmp, 'lake');
  const fx = spawnSync(TESTKIT, ['dev-fixture', '--lake', lake, '--days', '30'], { encoding: 'utf8', timeout: 300_000 });
  assert.equal(fx.status, 0, `dev-fixture: ${fx.stderr}`);
  const web = path.join(tmp, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(web, 'assets', 'big.js'), 'x'.repeat(BIG_FILE_BYTES));
  server = await startServer(lake, ['--web', web]);
  port = Number(new URL(server.url).port);
}, { timeout: 600_000 });

after(async () => {
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// Sends `text` on a fresh connection; resolves with everything the server
// wrote until it closed or `quietMs` passed without data, or `maxBytes` came.
function exchange(text, { quietMs = 1500, maxBytes = Infinity, timeoutMs = 15_000 } = {}) {
  return new Promise((resolve) => {
    const chunks = [];
    let bytes = 0;
    let quiet;
    const sock = net.connect(port, '127.0.0.1');
    const done = (why) => {
      clearTimeout(quiet);
      clearTimeout(overall);
      sock.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), bytes, why });
    };
    const overall = setTimeout(() => done('timeout'), timeoutMs);
    sock.on('connect', () => sock.write(text));
    sock.on('data', (d) => {
      bytes += d.length;
      if (chunks.length < 64) chunks.push(d);
      clearTimeout(quiet);
      if (bytes > maxBytes) return done('too much');
      quiet = setTimeout(() => done('quiet'), quietMs);
    });
    sock.on('end', () => done('closed'));
    sock.on('error', () => done('error'));
  });
}

// Milliseconds until a complete 200 answer to GET /api/landing on a fresh
// connection, or Infinity if none came within `timeoutMs`.
async function landingLatency(timeoutMs) {
  const start = performance.now();
  const r = await new Promise((resolve) => {
    let got = '';
    const sock = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => { sock.destroy(); resolve(null); }, timeoutMs);
    sock.on('connect', () => sock.write('GET /api/landing HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
    sock.on('data', (d) => { got += d.toString('latin1'); });
    sock.on('end', () => { clearTimeout(timer); resolve(got); });
    sock.on('error', () => { clearTimeout(timer); resolve(null); });
  });
  if (r === null || !r.startsWith('HTTP/1.1 200') || !r.includes('"date"')) return Infinity;
  return performance.now() - start;
}

function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))[1]);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

test('slowloris: 500 drip-feeding sockets do not starve a normal request', { timeout: 60_000 }, async () => {
  assert.ok(Number.isFinite(await landingLatency(5000)), 'the server answers at all');
  const slow = [];
  const timers = [];
  try {
    await Promise.all(Array.from({ length: SLOW_SOCKETS }, (_, i) => new Promise((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      slow.push(sock);
      sock.on('error', () => {});
      sock.on('connect', () => {
        sock.write(`GET /api/landing HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${i}\r\n`);
        let line = 0;
        timers.push(setInterval(() => { if (!sock.destroyed) sock.write(`X-Drip-${line++}: 1\r\n`); }, DRIP_MS));
        resolve();
      });
      setTimeout(resolve, 5000);  // a refused or dropped connect must not hang the test
    })));
    // Let the server take them all in, then ask while they keep dripping.
    await new Promise((r) => setTimeout(r, 1000));
    const latencies = [];
    for (let i = 0; i < 3; ++i) {
      latencies.push(await landingLatency(4000));
      await new Promise((r) => setTimeout(r, 1500));
    }
    const open = slow.filter((s) => !s.destroyed && s.readyState === 'open').length;
    console.log(`slowloris: ${open} of ${SLOW_SOCKETS} slow sockets open; landing latency ms: ${latencies.map((l) => l.toFixed(1)).join(', ')}`);
    for (const l of latencies) assert.ok(l < 1000, `GET /api/landing took ${l} ms with ${SLOW_SOCKETS} slow sockets open`);
  } finally {
    for (const t of timers) clearInterval(t);
    for (const s of slow) s.destroy();
  }
});

test('a drip-fed request head is cut off at its total deadline', { timeout: 30_000 }, async () => {
  // One header line every second never lets a per-recv timeout fire; the head
  // as a whole must still be bounded (10 s), so the socket is closed by ~12 s.
  const start = performance.now();
  const closedAfter = await new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let n = 0;
    let timer;
    const finish = (v) => { clearInterval(timer); clearTimeout(cap); sock.destroy(); resolve(v); };
    const cap = setTimeout(() => finish(Infinity), 20_000);
    sock.on('connect', () => {
      sock.write('GET / HTTP/1.1\r\n');
      timer = setInterval(() => sock.write(`X-Drip-${n++}: 1\r\n`), 1000);
    });
    sock.on('data', () => {});
    sock.on('close', () => finish(performance.now() - start));
    sock.on('error', () => {});
  });
  assert.ok(closedAfter < 15_000, `a drip-fed head stayed open ${closedAfter} ms`);
});

test('Range: 2,000 copies of one range are not amplified, and memory stays bounded', { timeout: 120_000 }, async () => {
  const whole = await exchange('GET /assets/big.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.match(whole.text, /^HTTP\/1\.1 200/);
  const single = await exchange('GET /assets/big.js HTTP/1.1\r\nHost: x\r\nRange: bytes=10-19\r\nConnection: close\r\n\r\n');
  assert.match(single.text, /^HTTP\/1\.1 206/);
  assert.match(single.text, /\r\nContent-Range: bytes 10-19\/200000\r\n/i);
  assert.ok(single.text.endsWith('\r\n\r\nxxxxxxxxxx'), single.text.slice(-40));

  const idle = memory(server.pid);
  const abusive = `GET /assets/big.js HTTP/1.1\r\nHost: x\r\nRange: bytes=${Array(2000).fill('0-').join(',')}\r\nConnection: close\r\n\r\n`;
  assert.ok(abusive.length < 8192);
  const limit = 2 * BIG_FILE_BYTES;  // a client stops reading past this, so an amplified answer costs only the server
  const received = [];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let i = 0; i < 5; ++i) received.push(await exchange(abusive, { maxBytes: limit, quietMs: 3000 }));
  }));
  const after = memory(server.pid);
  console.log(`range abuse: idle RSS ${(idle.rss / MB).toFixed(1)} MB (HWM ${(idle.hwm / MB).toFixed(1)}), after RSS ${(after.rss / MB).toFixed(1)} MB, HWM ${(after.hwm / MB).toFixed(1)} MB; bytes per answer ${Math.max(...received.map((r) => r.bytes))}`);
  for (const r of received) {
    assert.ok(r.bytes <= limit, `an answer to one request ran past ${limit} bytes`);
    assert.match(r.text, /^HTTP\/1\.1 (200|416)/);
  }
  assert.ok(after.hwm < idle.rss + 100 * MB, `peak RSS ${after.hwm / MB} MB vs idle ${idle.rss / MB} MB`);
  assert.ok(after.rss < idle.rss + 100 * MB, `RSS afterwards ${after.rss / MB} MB vs idle ${idle.rss / MB} MB`);
});

test('a GET carrying a body is refused with 413, and the body is never run as a request', { timeout: 30_000 }, async () => {
  const smuggled = 'GET /api/dates HTTP/1.1\r\nHost: x\r\n\r\n';
  const r = await exchange(`GET /api/landing HTTP/1.1\r\nHost: x\r\nContent-Length: ${smuggled.length}\r\n\r\n${smuggled}`);
  assert.match(r.text, /^HTTP\/1\.1 413 /);
  assert.match(r.text, /"error":"request bodies are not accepted"/);
  assert.equal(r.text.split('HTTP/1.1 ').length - 1, 1, `one answer only: ${r.text}`);

  const chunked = await exchange('GET /api/landing HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n');
  assert.match(chunked.text, /^HTTP\/1\.1 413 /);

  const empty = await exchange('GET /api/dates HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  assert.match(empty.text, /^HTTP\/1\.1 200 /, 'an empty body (Content-Length: 0) is no body');
});
