// Makes sure the system programs the test suite needs are there before `npm test` runs:
// Debian's Chromium (browser tests) and redis-server (the shared-state tests run a real Redis).
// As root with apt-get (CI, a fresh Debian machine) it installs what is missing; otherwise it
// prints the exact command to run and exits 1. Run: node scripts/ensure-test-deps.mjs
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What the suite needs: the program to look for, an override variable, the Debian package. */
const NEEDS = [
  { what: 'Chromium (browser tests)', env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium'], pkg: 'chromium' },
  { what: 'redis-server (shared-state tests)', env: 'REDIS_SERVER_PATH', command: 'redis-server', pkg: 'redis-server' },
];

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (command) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));

const present = (need) => {
  const override = process.env[need.env];
  if (override) return isExecutable(override);
  return need.paths ? need.paths.some(isExecutable) : onPath(need.command);
};

const missing = NEEDS.filter((need) => !present(need));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((need) => need.pkg);
const overridden = missing.some((need) => process.env[need.env]);
const canInstall = !overridden && process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get');
if (canInstall) {
  console.error(`Installing ${missing.map((n) => n.what).join(' and ')} with apt-get: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
  if (install && install.status === 0 && missing.every(present)) process.exit(0);
  console.error('apt-get could not install them.');
}

console.error(
  [
    `The test suite needs ${missing.map((n) => n.what).join(' and ')}, which this machine does not have.`,
    process.platform === 'linux' && onPath('apt-get')
      ? `Run:  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`
      : `Install ${pkgs.join(' and ')} with your system's package manager,`,
    `or point ${missing.map((n) => n.env).join(' / ')} at an existing binary; then run npm test again.`,
  ].join('\n'),
);
process.exit(1);
