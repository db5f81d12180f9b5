// moto's S3-compatible server (from test/python/.venv) on a free loopback
// port, with the AWS_* environment that points cinelake and s3_tool.py at it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VENV = path.join(ROOT, 'test/python/.venv');
const TOOL = path.join(ROOT, 'test/s3/s3_tool.py');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

async function waitUp(url, child, deadlineMs) {
  while (Date.now() < deadlineMs) {
    if (child.exitCode !== null) throw new Error(`moto_server exited ${child.exitCode}`);
    try { await fetch(url, { signal: AbortSignal.timeout(1000) }); return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('moto_server did not answer in 30 s');
}

// Resolves {url, port, env, secret, tool(args), stop()}. The bucket is made
// first; then moto checks every request's signature against an IAM user's
// key (its secret is what suites check never leaks). `enforceAuth: false`
// leaves the check off, for a suite whose client is AWS's own SDK (Spark's
// s3a://), whose ListObjectsV2 signatures moto's check rejects.
export async function startMoto(bucket, port, { enforceAuth = true } = {}) {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Its request log goes to a file, not a pipe: suites block in spawnSync
  // while cinelake runs, and a full pipe would stall moto mid-request.
  const logFile = path.join(os.tmpdir(), `cinelake-moto-${port}-${process.pid}.log`);
  const log = fs.openSync(logFile, 'w');
  const child = spawn(path.join(VENV, 'bin/moto_server'), ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const err = () => fs.readFileSync(logFile, 'utf8').slice(-4000);
  await waitUp(url, child, Date.now() + 30_000);
  const env = {
    AWS_ACCESS_KEY_ID: 'AKIDBOOTSTRAP', AWS_SECRET_ACCESS_KEY: 'bootstrap', AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: url, AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_CONFIG_FILE: '/dev/null',
  };
  const tool = (args) => {
    const r = spawnSync(path.join(VENV, 'bin/python'), [TOOL, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(`s3_tool.py ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  try {
    tool(['mkbucket', bucket]);
    if (enforceAuth) [env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY] = tool(['enforce-auth']).split(' ');
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    child.on('exit', () => fs.rmSync(logFile, { force: true }));
    await new Promise((r) => { const t = setTimeout(() => { child.kill('SIGKILL'); r(); }, 5000); child.on('exit', () => { clearTimeout(t); r(); }); });
  };
  return {
    url,
    env,
    port,
    secret: env.AWS_SECRET_ACCESS_KEY,
    stderr: err,
    tool,
    stop,
  };
}
