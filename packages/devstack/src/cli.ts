// The commands behind the root npm scripts (after bin/bootstrap.mjs has installed everything).
//   demo   throwaway Redis + PostgreSQL, API + worker, upload the samples, print the profile, stop
//   test   throwaway Redis + PostgreSQL, every test (unit and end-to-end), stop
//   start  the same system, kept running until Ctrl-C (uses DATABASE_URL / REDIS_URL when set)
//   token  print a bearer token: token patient <patientId> | token navigator|service [<name>]
//   extract / eval / bench:extract / db:diff <name> (new migration from schema.prisma)
//   migrate / api / worker   one piece against DATABASE_URL and REDIS_URL (docker-compose)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueToken } from '@onco/auth';
import { loadConfig } from '@onco/config';
import { z } from 'zod';
import type { Principal } from '@onco/contract';
import { migrate } from '@onco/persistence';
import { benchE2e } from './bench-e2e.js';
import { runDemo } from './demo.js';
import { ensureInstalled, freePort, startStack, which, type Stack } from './services.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const log = (msg: string) => console.error(`[devstack] ${msg}`);

/** Dev-only signing secret, kept in .data so that `npm run token` and `npm start` agree. */
function devSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(ROOT, '.data/auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export function principalFromArgs(args: string[]): Principal {
  const [role, id] = args;
  if (role === 'patient' && id) return { role, sub: `patient:${id}`, patientId: id };
  if (role === 'navigator' || role === 'service') return { role, sub: id ?? `${role}-dev` };
  throw new Error('usage: npm run token -- patient <patientId> | navigator [<name>] | service [<name>]');
}

/** Children we started, stopped by their own pid in reverse order. */
class Processes {
  private readonly children: ChildProcess[] = [];
  spawn(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(bin('tsx'), args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('exit', (code, signal) => {
      if (!this.stopping) log(`${name} exited (${code ?? signal})`);
    });
    this.children.push(child);
    return child;
  }
  stopping = false;
  async stopAll(): Promise<void> {
    this.stopping = true;
    for (const child of this.children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    }
  }
}

async function withStack<T>(fn: (stack: Stack) => Promise<T>): Promise<T> {
  const stack = await startStack();
  let interrupted = false;
  const onSignal = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const applied = await migrate(stack.databaseUrl);
    log(`migrated (${applied.length} migrations)`);
    return await fn(stack);
  } finally {
    await stack.stop();
    if (interrupted) log('stopped');
  }
}

function systemEnv(stack: { redisUrl: string; databaseUrl: string; dir: string }, secret: string, apiPort: number): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    STORAGE_DIR: path.join(stack.dir, 'uploads'),
    AUTH_SECRET: secret,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error('the API exited during start-up');
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the API did not become healthy in time');
}

async function runSystem(mode: 'demo' | 'start' | 'bench:e2e', args: string[] = []): Promise<number> {
  const external = mode === 'start' && process.env.DATABASE_URL && process.env.REDIS_URL;
  const run = async (stack: { redisUrl: string; databaseUrl: string; dir: string }) => {
    const secret = mode === 'start' ? devSecret() : randomBytes(32).toString('hex');
    const port = mode === 'start' ? Number(process.env.PORT ?? 3000) : await freePort();
    const env = systemEnv(stack, secret, port);
    if (external) env.STORAGE_DIR = process.env.STORAGE_DIR ?? path.join(ROOT, '.data/uploads');
    const procs = new Processes();
    const stopped = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    try {
      const api = procs.spawn('api', ['services/api/src/main.ts'], env);
      procs.spawn('worker', ['workers/documents/src/main.ts'], env);
      procs.spawn('webhooks', ['workers/webhooks/src/main.ts'], env);
      const url = `http://127.0.0.1:${port}`;
      await waitForHealth(url, api);
      if (mode === 'demo') return await runDemo(url, secret);
      if (mode === 'bench:e2e') {
        await benchE2e(url, secret, path.join(ROOT, 'fixtures/samples'), Number(args[0] ?? 20));
        return 0;
      }
      const token = (p: Principal) => issueToken(p, secret, 12 * 3600);
      console.log(`\nAPI on ${url} (Ctrl-C stops everything)\n`);
      console.log(`navigator token: ${token({ role: 'navigator', sub: 'navigator-dev' })}`);
      console.log(`patient token for patient "demo-patient": ${token({ role: 'patient', sub: 'patient:demo-patient', patientId: 'demo-patient' })}`);
      console.log(`more: npm run token -- patient <patientId>\n`);
      await stopped;
      return 0;
    } finally {
      await procs.stopAll();
    }
  };
  if (external) {
    await migrate(process.env.DATABASE_URL!);
    return run({ redisUrl: process.env.REDIS_URL!, databaseUrl: process.env.DATABASE_URL!, dir: path.join(ROOT, '.data') });
  }
  return withStack(run);
}

function runTests(args: string[]): Promise<number> {
  return withStack(
    (stack) =>
      new Promise<number>((resolve) => {
        const report = path.join(stack.dir, 'vitest.json');
        const child = spawn(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...process.env, DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, ONCO_STACK_DIR: stack.dir },
        });
        const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
        process.on('SIGINT', forward('SIGINT'));
        process.on('SIGTERM', forward('SIGTERM'));
        child.on('exit', (code) => {
          // One plain closing line that any CI can read.
          try {
            const r = JSON.parse(fs.readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
            console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
          } catch {
            console.log('tests: 0 passed, 1 failed (no report was written)');
          }
          resolve(code ?? 1);
        });
      }),
  );
}

/** Runs a TypeScript entry point in the foreground, passing signals on so it can shut down cleanly. */
function tsxScript(script: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(bin('tsx'), [script, ...args], { cwd: process.cwd(), stdio: 'inherit' });
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function dbDiff(name: string | undefined): Promise<number> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: db:diff <snake_case_name>');
  return withStack(async (stack) => {
    const r = spawnSync(
      bin('prisma'),
      ['migrate', 'diff', '--config', 'prisma/prisma.config.ts', '--from-url', stack.databaseUrl, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: stack.databaseUrl } },
    );
    if (r.status !== 0) throw new Error(`prisma migrate diff failed: ${r.stderr}`);
    if (!/\b(CREATE|ALTER|DROP)\b/.test(r.stdout)) {
      log('schema and migrations agree: nothing to write');
      return 0;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(ROOT, 'prisma/migrations', `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), r.stdout);
    log(`wrote ${path.relative(ROOT, dir)}/migration.sql`);
    return 0;
  });
}

/** Commands that run one script in the foreground, with no servers of their own. */
const SCRIPTS: Record<string, string> = {
  extract: 'workers/documents/src/extract-cli.ts',
  eval: 'packages/extraction/eval/eval.ts',
  'bench:extract': 'packages/extraction/eval/bench.ts',
  'eval:ocr': 'packages/document-reader/eval/eval-ocr.ts',
  'bench:ocr': 'packages/document-reader/eval/bench-ocr.ts',
  // Single processes against DATABASE_URL / REDIS_URL from the environment (docker-compose).
  api: 'services/api/src/main.ts',
  worker: 'workers/documents/src/main.ts',
  webhooks: 'workers/webhooks/src/main.ts',
};

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'demo':
      return runSystem('demo');
    case 'start':
      return runSystem('start');
    case 'bench:e2e':
      return runSystem('bench:e2e', args);
    case 'test':
      return runTests(args);
    case 'token':
      console.log(issueToken(principalFromArgs(args), devSecret(), 12 * 3600));
      return 0;
    case 'db:diff':
      return dbDiff(args[0]);
    case 'migrate': {
      const applied = await migrate(loadConfig(z.object({ DATABASE_URL: z.string() })).DATABASE_URL);
      log(`migrated (${applied.length} new)`);
      return 0;
    }
    default:
      if (command && command in SCRIPTS) {
        // The OCR benchmark runs Debian's tesseract beside ours: install it the way Redis is.
        if (command === 'bench:ocr') ensureInstalled('tesseract', 'tesseract-ocr', () => which('tesseract', ['/usr/bin']));
        return tsxScript(path.join(ROOT, SCRIPTS[command]!), args);
      }
      console.error(`commands: demo | test | start | token | db:diff | migrate | ${Object.keys(SCRIPTS).join(' | ')}`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[devstack] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
