// Makes sure the end-to-end tests have what they need on this machine: Debian's Chromium
// (playwright-core drives it; its own browser download is not reachable here) and
// poppler-utils (pdftotext reads printed PDFs back). Installs them with apt-get when
// missing, as CI runs as root on a fresh machine. Exits non-zero with a clear message
// when they are missing and cannot be installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
];
const missing = needs.filter((n) => !existsSync(n.bin));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((m) => m.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `End-to-end tests need ${pkgs.join(', ')} (Debian packages). Install them with:\n` +
      `  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`,
  );
  process.exit(1);
}
console.log(`Installing ${pkgs.join(', ')} from Debian's packages for the end-to-end tests…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
execFileSync(
  'apt-get',
  ['install', '-y', '--no-install-recommends', ...pkgs, 'fonts-dejavu-core'],
  {
    stdio: 'inherit',
    env,
  },
);
for (const m of missing) {
  if (!existsSync(m.bin)) {
    console.error(`${m.pkg} was installed but ${m.bin} is still missing.`);
    process.exit(1);
  }
}
