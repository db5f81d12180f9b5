// The lake on S3 against a local folder (issue 12), run by scripts/bench.sh:
// one sandbox day (zero latency, fast limits) into moto's S3 server on
// loopback vs into a local folder, best of 3 each after a warm-up day;
// wall-time ratio (target <= 1.25x) and bytes uploaded (every PUT body,
// manifests rewritten as the run goes included) vs the gold bytes the day
// wrote. Needs test/python/.venv (scripts/install-deps.sh).
import fs from 'node:fs';
import path from 'node:path';

const buildDir = process.env.CINELAKE_BENCH_RESULTS ? path.dirname(process.env.CINELAKE_BENCH_RESULTS)
                                                     : path.resolve('build');
process.env.CINELAKE_BIN ??= path.join(buildDir, 'cinelake');
process.env.CINELAKE_BUILD_DIR ??= buildDir;
const { FAST_CLIENT, run, startSandbox, tempDir } = await import('../test/lib/cinelake.mjs');
const { startMoto } = await import('../test/s3/moto.mjs');

const out = (k, v) => console.log(`${k} ${v}`);
const DAY1 = '2026-10-01';
const DAYS = ['2026-10-02', '2026-10-03', '2026-10-04'];

const moto = await startMoto('bench');
const sb = await startSandbox();
const work = tempDir('s3-bench');
try {
  const day = (lake, date) => {
    const t0 = process.hrtime.bigint();
    const r = run(['run', '--lake', lake, '--date', date, '--sandbox', sb.url, '--config', FAST_CLIENT, '--log-level', 'info'],
                  { env: moto.env });
    if (r.code !== 0) throw new Error(`run ${lake} ${date}: ${r.stderr.slice(-2000)}`);
    return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, stderr: r.stderr };
  };
  const local = path.join(work, 'local');
  const remote = 's3://bench/lake';
  day(local, DAY1);
  day(remote, DAY1);
  let bestLocal = Infinity;
  let bestS3 = Infinity;
  let uploaded = 0;
  let gold = 0;
  for (const date of DAYS) {
    const started = Date.now();
    bestLocal = Math.min(bestLocal, day(local, date).seconds);
    for (const f of fs.readdirSync(path.join(local, 'gold'), { recursive: true })) {
      const st = fs.statSync(path.join(local, 'gold', f));
      if (st.isFile() && f.endsWith('.parquet') && st.mtimeMs >= started) gold += st.size;
    }
    const s3 = day(remote, date);
    bestS3 = Math.min(bestS3, s3.seconds);
    const m = /s3: \d+ PUTs?, (\d+) bytes uploaded/.exec(s3.stderr);
    if (!m) throw new Error(`no upload summary in the S3 run's log: ${s3.stderr.slice(-1000)}`);
    uploaded += Number(m[1]);
  }
  out('s3.day_local_s', bestLocal.toFixed(3));
  out('s3.day_s3_s', bestS3.toFixed(3));
  out('s3.wall_ratio', (bestS3 / bestLocal).toFixed(3));
  out('s3.bytes_uploaded_per_day', Math.round(uploaded / DAYS.length));
  out('s3.gold_bytes_per_day', Math.round(gold / DAYS.length));
  out('s3.upload_over_gold', (uploaded / gold).toFixed(3));
} finally {
  await sb.stop();
  await moto.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
