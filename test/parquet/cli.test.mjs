// The `cinelake parquet` command line: subcommands, options, exit codes and
// messages that do not depend on file contents. Reading real files is
// covered by interop.test.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import { describeRun, runCinelake, runTestkit } from './helpers.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-parquet-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args) {
  const r = runCinelake(args, { timeoutMs: 15000 });
  assert.equal(r.signal, null, describeRun(args, r));
  assert.equal(r.timedOut, false, describeRun(args, r));
  return r;
}

test('help lists schema and cat but hides samples', () => {
  const r = run(['parquet', '--help']);
  assert.equal(r.status, 0, describeRun(['parquet', '--help'], r));
  assert.match(r.stdout, /\bschema\b/);
  assert.match(r.stdout, /\bcat\b/);
  assert.doesNotMatch(r.stdout, /\bsamples\b/);
  const cat = run(['parquet', 'cat', '--help']);
  assert.equal(cat.status, 0);
  for (const flag of ['--columns', '--json', '--limit']) assert.ok(cat.stdout.includes(flag), `cat --help lacks ${flag}`);
});

test('usage errors exit 2', () => {
  for (const args of [
    ['parquet'],
    ['parquet', 'cat'],
    ['parquet', 'schema'],
    ['parquet', 'nonsense', 'x.parquet'],
    ['parquet', 'cat', 'x.parquet', '--limit', '-3'],
    ['parquet', 'cat', 'x.parquet', '--limit', 'many'],
    ['parquet', 'cat', 'x.parquet', '--no-such-flag'],
  ]) {
    const r = run(args);
    assert.equal(r.status, 2, describeRun(args, r));
  }
});

test('a missing file exits 1 and names the file', () => {
  const missing = path.join(tmp, 'nope', 'missing.parquet');
  for (const cmd of [['cat'], ['cat', '--json'], ['schema'], ['schema', '--json']]) {
    const args = ['parquet', cmd[0], missing, ...cmd.slice(1)];
    const r = run(args);
    assert.equal(r.status, 1, describeRun(args, r));
    assert.ok(r.stderr.includes(missing), `stderr does not name ${missing}: ${r.stderr}`);
    assert.equal(r.stdout, '', 'nothing on stdout when the file cannot be read');
  }
});

test('a file that is not Parquet exits 1 and names the file', () => {
  const text = path.join(tmp, 'notes.txt');
  fs.writeFileSync(text, 'this is not a parquet file\n');
  for (const cmd of ['cat', 'schema']) {
    const args = ['parquet', cmd, text];
    const r = run(args);
    assert.equal(r.status, 1, describeRun(args, r));
    assert.ok(r.stderr.includes(text), `stderr does not name ${text}: ${r.stderr}`);
  }
});

test('the testkit\'s samples refuse a folder they cannot create', () => {
  const blocker = path.join(tmp, 'a-file');
  fs.writeFileSync(blocker, 'x');
  const args = ['parquet-samples', path.join(blocker, 'sub')];
  const r = runTestkit(args);
  assert.equal(r.status, 1, describeRun(args, r));
  assert.ok(r.stderr.includes(blocker), `stderr does not name the folder: ${r.stderr}`);
});
