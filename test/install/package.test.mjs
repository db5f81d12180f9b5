// The Debian package CPack builds from the build tree: its control fields,
// conffiles and maintainer scripts, the binary and units it unpacks, and
// Depends covering every shared library the binary needs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BIN, BUILD_DIR, tempDir } from '../lib/cinelake.mjs';
import { UNITS, checkUnitKeys, hasSystemdAnalyze, verifyUnits } from './units.mjs';

function sh(cmd, args, { timeoutMs = 60_000 } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

let out;
let deb;
let root;
let control;
let fields;
let version;
before(() => {
  // The package from the existing build, into a folder of its own so a
  // concurrent `make package` in the build folder is not disturbed.
  out = tempDir('package');
  sh('cpack', ['-G', 'DEB', '--config', path.join(BUILD_DIR, 'CPackConfig.cmake'), '-B', out], { timeoutMs: 600_000 });
  version = sh(BIN, ['--version']).trim();
  const arch = sh('dpkg', ['--print-architecture']).trim();
  deb = path.join(out, `cinelake_${version}_${arch}.deb`);
  assert.ok(fs.existsSync(deb), `${deb} built (found ${fs.readdirSync(out).join(', ')})`);
  root = path.join(out, 'root');
  control = path.join(out, 'control');
  sh('dpkg-deb', ['-x', deb, root]);
  sh('dpkg-deb', ['-e', deb, control]);
  fields = {};
  for (const line of sh('dpkg-deb', ['-f', deb]).split('\n')) {
    const m = line.match(/^([A-Za-z-]+): (.*)$/);
    if (m) fields[m[1]] = m[2];
  }
});
after(() => fs.rmSync(out, { recursive: true, force: true }));

test('the control fields name the package, its version and architecture', () => {
  assert.equal(fields.Package, 'cinelake');
  assert.equal(fields.Version, version);
  assert.equal(fields.Architecture, sh('dpkg', ['--print-architecture']).trim());
  assert.ok(fields.Maintainer, 'a Maintainer');
  assert.ok(fields.Depends, 'a Depends line');
});

test('the unpacked binary runs and the package holds no test tools', () => {
  const bin = path.join(root, 'usr/bin/cinelake');
  assert.equal(sh(bin, ['--version']).trim(), version);
  const listing = sh('dpkg-deb', ['-c', deb]);
  assert.doesNotMatch(listing, /testkit|cinelake_tests|_bench/);
  assert.ok(fs.existsSync(path.join(root, 'usr/share/cinelake/web/index.html')), 'the front end');
  for (const line of listing.trim().split('\n')) assert.match(line, / root\/root /, `owned by root: ${line}`);
});

test('the units are in the package, run /usr/bin/cinelake, and are valid', () => {
  const unitDir = path.join(root, 'usr/lib/systemd/system');
  for (const u of UNITS) assert.ok(fs.existsSync(path.join(unitDir, u)), `${u} in the package`);
  checkUnitKeys(unitDir, '/usr/bin/cinelake');
  if (hasSystemdAnalyze()) verifyUnits(unitDir, { root });
});

test('/etc/cinelake/cinelake.toml is a conffile holding the example config', () => {
  const conffiles = fs.readFileSync(path.join(control, 'conffiles'), 'utf8').trim().split('\n');
  assert.deepEqual(conffiles, ['/etc/cinelake/cinelake.toml']);
  assert.equal(fs.readFileSync(path.join(root, 'etc/cinelake/cinelake.toml'), 'utf8'),
               fs.readFileSync('config/cinelake.example.toml', 'utf8'));
  assert.equal(fs.existsSync(path.join(root, 'etc/cinelake/cinelake.env')), false,
               'the keys file is created by postinst, so an upgrade never replaces it');
});

test('the maintainer scripts are executable shell that set up the user, the lake folder and the keys file', () => {
  for (const s of ['postinst', 'prerm', 'postrm']) {
    const file = path.join(control, s);
    assert.equal(fs.statSync(file).mode & 0o777, 0o755, `${s} mode`);
    sh('sh', ['-n', file]);
  }
  const postinst = fs.readFileSync(path.join(control, 'postinst'), 'utf8');
  assert.match(postinst, /adduser --system[^\n]*\n?[^\n]* cinelake/);
  assert.match(postinst, /useradd --system/);
  assert.match(postinst, /install -d -o cinelake -g cinelake -m 0750 \/var\/lib\/cinelake/);
  assert.match(postinst, /if \[ ! -e \/etc\/cinelake\/cinelake\.env \]/, 'never overwrites the keys');
  assert.match(postinst, /install -o root -g cinelake -m 0640 \S+ \/etc\/cinelake\/cinelake\.env/);
  const envTemplate = path.join(root, postinst.match(/install -o root -g cinelake -m 0640 (\S+)/)[1]);
  assert.ok(fs.existsSync(envTemplate), `${envTemplate} is in the package`);
  assert.doesNotMatch(fs.readFileSync(envTemplate, 'utf8'), /^[A-Z_]+=/m, 'every key commented out');
});

// dpkg-shlibdeps declares the packages of the libraries the binary links
// directly (its NEEDED entries); what those pull in is their own packages'
// business, so transitive libraries ldd also shows are not expected here.
test('Depends covers the package of every shared library the binary links', () => {
  const bin = path.join(root, 'usr/bin/cinelake');
  const needed = [...sh('readelf', ['-d', bin]).matchAll(/\(NEEDED\)\s+Shared library: \[(.+)\]/g)].map((m) => m[1]);
  assert.ok(needed.length > 5, `NEEDED entries: ${needed}`);
  const resolved = new Map();
  for (const m of sh('ldd', [bin]).matchAll(/^\s*(\S+) => (\/\S+)/gm)) resolved.set(m[1], m[2]);
  const depends = fields.Depends.split(',').flatMap((d) => d.split('|')).map((d) => d.trim().split(/[ (]/)[0]);
  for (const lib of needed) {
    const where = resolved.get(lib);
    if (where === undefined && /^ld-linux/.test(lib)) continue;  // the loader itself, part of libc6
    assert.ok(where, `ldd resolves ${lib}`);
    const real = fs.realpathSync(where);
    let owner = null;
    for (const candidate of new Set([where, real, where.replace(/^\/usr\//, '/'), real.replace(/^\/usr\//, '/'),
      where.replace(/^\/lib/, '/usr/lib'), real.replace(/^\/lib/, '/usr/lib')])) {
      const r = spawnSync('dpkg', ['-S', candidate], { encoding: 'utf8' });
      if (r.status === 0) { owner = r.stdout.split(':')[0].trim(); break; }
    }
    assert.ok(owner, `dpkg -S finds the package of ${lib} (${where})`);
    // A library's shlibs may name a virtual package its package provides
    // (libspdlog1.10 provides libspdlog1.10-fmt9, the name Depends carries).
    const provides = sh('dpkg-query', ['-W', '-f=${Provides}', owner]).split(',').map((p) => p.trim().split(/[ (]/)[0]);
    assert.ok([owner, ...provides].some((name) => depends.includes(name)),
              `${lib} comes from ${owner} (provides ${provides}), which Depends lists (${fields.Depends})`);
  }
});

// Runs script as root in a chroot of an overlay over /, in a private mount
// namespace, so dpkg's changes land in a throwaway upper folder and the
// machine is untouched. Null when the kernel or container does not allow it.
function inThrowawayRoot(script) {
  const ov = fs.mkdtempSync(path.join(out, 'overlay-'));
  for (const d of ['upper', 'work', 'merged']) fs.mkdirSync(path.join(ov, d));
  const mount = `mount -t overlay overlay -o lowerdir=/,upperdir=${ov}/upper,workdir=${ov}/work ${ov}/merged`;
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', mount], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const r = spawnSync('unshare', ['-m', 'sh', '-c', `${mount} && exec chroot ${ov}/merged sh -ec "$0"`, script],
                      { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test('dpkg installs it (user, lake folder, keys file), an upgrade keeps the keys, purge keeps the lake', (t) => {
  const output = inThrowawayRoot(`
    dpkg -i ${deb} >/dev/null
    getent passwd cinelake | cut -d: -f1,6,7
    stat -c 'lake %U:%G %a' /var/lib/cinelake
    stat -c 'env %U:%G %a' /etc/cinelake/cinelake.env
    echo CINELAKE_TMDB_TOKEN=kept >> /etc/cinelake/cinelake.env
    dpkg -i ${deb} >/dev/null
    echo "after upgrade: $(tail -n 1 /etc/cinelake/cinelake.env)"
    echo "as cinelake: $(su -s /bin/sh -c '/usr/bin/cinelake --version' cinelake)"
    dpkg --purge cinelake >/dev/null
    test -e /etc/cinelake/cinelake.env && echo 'env survives purge' || echo 'env purged'
    test -d /var/lib/cinelake && echo 'lake folder kept'
  `);
  if (output === null) return t.skip('no mount namespace with overlayfs here (an unprivileged container)');
  assert.deepEqual(output.trim().split('\n'), [
    'cinelake:/var/lib/cinelake:/usr/sbin/nologin',
    'lake cinelake:cinelake 750',
    'env root:cinelake 640',
    'after upgrade: CINELAKE_TMDB_TOKEN=kept',
    `as cinelake: ${version}`,
    'env purged',
    'lake folder kept',
  ]);
});
