// Throwaway Redis and PostgreSQL from the machine's own binaries, in a temporary directory,
// on free loopback ports. Each is stopped by its own pid (or its own data directory), never by name.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Stack {
  redisUrl: string;
  databaseUrl: string;
  dir: string;
  stop(): Promise<void>;
}

const log = (msg: string) => console.error(`[devstack] ${msg}`);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function which(bin: string, extraDirs: string[] = []): string | null {
  const dirs = [...extraDirs, ...(process.env.PATH ?? '').split(path.delimiter)];
  for (const d of dirs) {
    const p = path.join(d, bin);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;
const hasApt = () => which('apt-get') !== null;

/** Installs Debian packages when we may (root with apt-get); otherwise says exactly what to install. */
export function ensureInstalled(what: string, debPackage: string, find: () => string | null): string {
  const found = find();
  if (found) return found;
  if (!isRoot() || !hasApt()) {
    throw new Error(
      `${what} is not installed. Install it and run again, e.g. on Debian/Ubuntu: sudo apt-get install -y ${debPackage}` +
        ` (macOS: brew install ${debPackage === 'redis-server' ? 'redis' : 'postgresql'}).`,
    );
  }
  log(`${what} not found: installing ${debPackage} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', debPackage]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed; install ${debPackage} by hand.`);
  }
  const after = find();
  if (!after) throw new Error(`${debPackage} was installed but ${what} still cannot be found.`);
  return after;
}

function postgresBinDir(): string | null {
  // PATH may hold only symlinks to some tools; resolve to the real directory holding them all.
  const initdb = which('initdb');
  if (initdb) {
    const dir = path.dirname(fs.realpathSync(initdb));
    if (['pg_ctl', 'createdb'].every((t) => fs.existsSync(path.join(dir, t)))) return dir;
  }
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms`);
}

function tcpAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function startRedis(dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const bin = ensureInstalled('redis-server', 'redis-server', () => which('redis-server', ['/usr/bin', '/usr/local/bin']));
  const port = await freePort();
  const proc = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--logfile', path.join(dir, 'redis.log')],
    { stdio: 'ignore' },
  );
  let exited = false;
  proc.once('exit', () => (exited = true));
  await waitFor(async () => {
    if (exited) throw new Error('redis-server exited during start');
    return tcpAnswers(port);
  }, 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, proc };
}

async function startPostgres(dir: string): Promise<{ url: string; stop: () => void }> {
  const bin = ensureInstalled('PostgreSQL (initdb, pg_ctl)', 'postgresql', postgresBinDir);
  const data = path.join(dir, 'pg');
  fs.mkdirSync(data, { recursive: true });
  // initdb refuses to run as root: run the server as the postgres user when we are root.
  const asUser = isRoot() ? ['runuser', '-u', 'postgres', '--'] : [];
  if (isRoot()) spawnSync('chown', ['-R', 'postgres', dir]);
  // pg_ctl leaves the server holding whatever stdio it was given, so it gets none (-l logs instead).
  const pgTool = (cmd: string, args: string[]) => {
    const [exe, ...rest] = [...asUser, path.join(bin, cmd), ...args];
    const stdio = cmd === 'pg_ctl' ? 'ignore' : 'pipe';
    return spawnSync(exe!, rest, { stdio, encoding: 'utf8' });
  };
  const sh = (cmd: string, args: string[]) => {
    const r = pgTool(cmd, args);
    if (r.status !== 0) throw new Error(`${cmd} failed (exit ${r.status}): ${r.stderr || r.stdout || `see ${dir}/postgres.log`}`);
  };
  sh('initdb', ['-D', data, '--auth=trust', '--no-sync', '-U', 'onco', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  sh('pg_ctl', ['-D', data, '-w', '-t', '30', '-l', path.join(dir, 'postgres.log'), '-o', opts, 'start']);
  const stop = () => {
    // pg_ctl signals the postmaster recorded in this data directory's own pid file.
    pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  };
  sh('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'onco', 'onco']);
  return { url: `postgresql://onco@127.0.0.1:${port}/onco`, stop };
}

/** Starts Redis and PostgreSQL for this process; stop() (also run on exit signals) removes all traces. */
export async function startStack(): Promise<Stack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onco-stack-'));
  fs.chmodSync(dir, 0o755);
  const started = Date.now();
  const [redisStart, pgStart] = await Promise.allSettled([startRedis(dir), startPostgres(dir)]);
  if (redisStart.status === 'rejected' || pgStart.status === 'rejected') {
    if (redisStart.status === 'fulfilled') redisStart.value.proc.kill('SIGKILL');
    if (pgStart.status === 'fulfilled') pgStart.value.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw redisStart.status === 'rejected' ? redisStart.reason : (pgStart as PromiseRejectedResult).reason;
  }
  const [redis, pg] = [redisStart.value, pgStart.value];
  log(`redis and postgres up in ${Date.now() - started} ms (${dir})`);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    pg.stop();
    if (redis.proc.exitCode === null) {
      const gone = new Promise((r) => redis.proc.once('exit', r));
      redis.proc.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (redis.proc.exitCode === null) redis.proc.kill('SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { redisUrl: redis.url, databaseUrl: pg.url, dir, stop };
}
