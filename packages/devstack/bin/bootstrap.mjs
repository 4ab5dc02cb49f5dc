#!/usr/bin/env node
// Entry point of every root npm script. Runs on a bare Node 20 (no pnpm, nothing installed):
// gets pnpm, installs the workspace, generates the Prisma client, then hands over to the
// TypeScript CLI (src/cli.ts), forwarding signals and the exit code.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const PNPM_VERSION = '12.21.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const [command = 'help', ...args] = process.argv.slice(2);
const quiet = command === 'extract' || command === 'token';

function pnpmCommand() {
  const found = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function run(cmd, cmdArgs, label) {
  const r = spawnSync(cmd, cmdArgs, {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
  });
  if (r.status !== 0) {
    console.error(`[setup] ${label} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

// ONCO_SKIP_INSTALL=1: another process (e.g. the compose `setup` service) has installed already.
if (process.env.ONCO_SKIP_INSTALL !== '1') {
  const [pnpm, ...pnpmArgs] = pnpmCommand();
  if (!quiet) console.error('[setup] installing dependencies');
  run(pnpm, [...pnpmArgs, 'install', '--frozen-lockfile', '--reporter=silent'], 'pnpm install');
  run(pnpm, [...pnpmArgs, 'exec', 'prisma', 'generate', '--config', 'prisma/prisma.config.ts'], 'prisma generate');
}

const child = spawn(
  path.join(root, 'node_modules/.bin/tsx'),
  [path.join(root, 'packages/devstack/src/cli.ts'), command, ...args],
  { cwd: root, stdio: 'inherit' },
);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
