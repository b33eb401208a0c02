// Per-host politeness across processes and machines: a short lease row per host.
import { sql } from 'kysely';
import type { Db } from '../index.ts';
import { compiledOnce } from '../prepared.ts';

/** True when `holder` now holds the host's lease (free, expired, or already ours). */
export async function acquireHostLease(db: Db, host: string, holder: string, ttlMs: number): Promise<boolean> {
  const { rows } = await db.executeQuery(acquire(db, { host, holder, expires: new Date(Date.now() + ttlMs) }));
  return rows[0]?.holder === holder;
}

export async function releaseHostLease(db: Db, host: string, holder: string): Promise<void> {
  await db.executeQuery(release(db, { host, holder }));
}

// Once per poll each: compiled once per process (see prepared.ts).
const acquire = compiledOnce((db: Db, p: { host: string; holder: string; expires: Date }) =>
  db
    .insertInto('host_leases')
    .values({ host: p.host, holder: p.holder, expires_at: p.expires })
    .onConflict((oc) =>
      oc
        .column('host')
        .doUpdateSet({ holder: p.holder, expires_at: p.expires })
        .where((eb) => eb.or([eb('host_leases.expires_at', '<', sql<Date>`now()`), eb('host_leases.holder', '=', p.holder)])),
    )
    .returning('holder'),
  { named: true },
);

const release = compiledOnce((db: Db, p: { host: string; holder: string }) =>
  db.deleteFrom('host_leases').where('host', '=', p.host).where('holder', '=', p.holder),
  { named: true },
);
