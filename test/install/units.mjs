// Checks on the installed systemd units, shared by the install and package
// suites: the keys the production setup relies on, and `systemd-analyze
// verify` where systemd is installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const UNITS = ['cinelake-run.service', 'cinelake-run.timer', 'cinelake-serve.service'];

// {section: {key: [values...]}}; a unit file is INI-like, keys may repeat.
export function parseUnit(text) {
  const sections = {};
  let current = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) { current = sections[header[1]] ??= {}; continue; }
    const eq = line.indexOf('=');
    assert.ok(current && eq > 0, `not a unit file line: ${line}`);
    (current[line.slice(0, eq)] ??= []).push(line.slice(eq + 1));
  }
  return sections;
}

const HARDENING = {
  NoNewPrivileges: 'yes', ProtectSystem: 'strict', PrivateTmp: 'yes', ProtectHome: 'yes', User: 'cinelake',
};

// Asserts what the production setup needs from each unit in dir; bin is the
// binary ExecStart must name.
export function checkUnitKeys(dir, bin) {
  const unit = (name) => parseUnit(fs.readFileSync(path.join(dir, name), 'utf8'));
  const run = unit('cinelake-run.service').Service;
  const timer = unit('cinelake-run.timer');
  const serve = unit('cinelake-serve.service').Service;
  for (const [name, service] of [['run', run], ['serve', serve]]) {
    for (const [key, value] of Object.entries(HARDENING)) {
      assert.deepEqual(service[key], [value], `${name} service: ${key}=${value}`);
    }
  }
  assert.deepEqual(run.Type, ['oneshot']);
  assert.deepEqual(run.ReadWritePaths, ['/var/lib/cinelake']);
  assert.deepEqual(run.EnvironmentFile, ['/etc/cinelake/cinelake.env']);
  assert.deepEqual(run.SuccessExitStatus, ['3'], 'a busy lake (exit 3) is not a failure');
  assert.deepEqual(run.ExecStart, [`${bin} run --lake /var/lib/cinelake/lake --config /etc/cinelake/cinelake.toml`]);
  assert.deepEqual(serve.ExecStart, [`${bin} serve --lake /var/lib/cinelake/lake --listen 127.0.0.1:8080`]);
  assert.equal(timer.Timer.OnCalendar.length, 1, 'one daily time');
  assert.match(timer.Timer.OnCalendar[0], /^\*-\*-\* \d\d:\d\d:\d\d/);
  assert.deepEqual(timer.Timer.Persistent, ['true'], 'a day missed while off runs at boot');
  assert.deepEqual(timer.Timer.Unit, ['cinelake-run.service']);
  assert.deepEqual(timer.Install.WantedBy, ['timers.target']);
}

export function hasSystemdAnalyze() {
  return spawnSync('systemd-analyze', ['--version']).status === 0;
}

// `systemd-analyze verify` treats unknown keys and bad values as warnings
// with exit 0, so any output is a failure too. With root, the units are
// verified inside that tree (its ExecStart paths resolved there); the
// host's targets are copied in so their dependencies resolve.
export function verifyUnits(unitDir, { root } = {}) {
  const args = ['verify', '--man=no'];
  let files = UNITS.map((u) => path.join(unitDir, u));
  if (root) {
    const hostUnits = '/usr/lib/systemd/system';
    for (const t of fs.readdirSync(hostUnits).filter((f) => f.endsWith('.target'))) {
      const copy = path.join(unitDir, t);
      if (!fs.existsSync(copy)) fs.copyFileSync(path.join(hostUnits, t), copy);
    }
    args.push(`--root=${root}`);
    files = files.map((f) => `/${path.relative(root, f)}`);
  }
  const r = spawnSync('systemd-analyze', [...args, ...files], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `systemd-analyze verify: ${r.stdout}${r.stderr}`);
  assert.equal(`${r.stdout}${r.stderr}`.trim(), '', 'systemd-analyze verify reports nothing');
}
