// Embedded mode: an on-disk PGlite database served to ordinary `pg` clients on loopback, so the
// rest of Bitim (Kysely, BullMQ's PostgreSQL backend) runs the same code as against a real server.
// PGlite's data directory can be opened by one process only: the owner writes instance.json and
// other processes (the CLI in a second terminal) attach to its socket instead of opening the files.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { keepExtendedQueriesWhole } from './pglite-queue-fix.ts';

export interface EmbeddedDatabase {
  url: string;
  /** true when this process opened PGlite; false when attached to a running instance. */
  owner: boolean;
  close(): Promise<void>;
}

interface InstanceInfo {
  pid: number;
  url: string;
  startedAt: string;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function canConnect(url: string, timeoutMs = 1500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const sock = connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

function readInstance(dataDir: string): InstanceInfo | null {
  const path = join(dataDir, 'instance.json');
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as InstanceInfo;
  } catch {
    return null;
  }
}

/** The running instance's database URL, if a live process owns the data directory. */
export async function findRunningInstance(dataDir: string): Promise<InstanceInfo | null> {
  const info = readInstance(dataDir);
  if (!info || info.pid === process.pid || !pidAlive(info.pid)) return null;
  return (await canConnect(info.url)) ? info : null;
}

function acquireLock(dataDir: string): () => void {
  const lockPath = join(dataDir, 'pglite.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && pidAlive(holder) && holder !== process.pid) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${holder}, which does not answer on its socket. ` +
            'Stop that process or wait for it to start.',
        );
      }
      rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}`);
}

/** Attach to the running instance, or open PGlite ourselves and serve it on loopback. */
export async function openEmbedded(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const running = await findRunningInstance(dataDir);
  if (running) {
    log.debug({ pid: running.pid, url: running.url }, 'attached to the running embedded database');
    return { url: running.url, owner: false, close: async () => {} };
  }
  const release = acquireLock(dataDir);
  try {
    const started = Date.now();
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const pglite = await PGlite.create(join(dataDir, 'pgdata'));
    const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 200 });
    keepExtendedQueriesWhole((server as unknown as { queryQueue: unknown }).queryQueue);
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    const info: InstanceInfo = { pid: process.pid, url, startedAt: new Date().toISOString() };
    writeFileSync(join(dataDir, 'instance.json'), JSON.stringify(info) + '\n');
    log.info({ dataDir, url, ms: Date.now() - started }, 'embedded PGlite database open');
    let closed = false;
    return {
      url,
      owner: true,
      async close() {
        if (closed) return;
        closed = true;
        const current = readInstance(dataDir);
        if (current?.pid === process.pid) rmSync(join(dataDir, 'instance.json'), { force: true });
        await server.stop();
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
