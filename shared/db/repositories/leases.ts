// Per-host politeness across processes and machines: a short lease row per host.
import { sql } from 'kysely';
import type { Db } from '../index.ts';

/** True when `holder` now holds the host's lease (free, expired, or already ours). */
export async function acquireHostLease(db: Db, host: string, holder: string, ttlMs: number): Promise<boolean> {
  const expires = new Date(Date.now() + ttlMs);
  const row = await db
    .insertInto('host_leases')
    .values({ host, holder, expires_at: expires })
    .onConflict((oc) =>
      oc
        .column('host')
        .doUpdateSet({ holder, expires_at: expires })
        .where((eb) => eb.or([eb('host_leases.expires_at', '<', sql<Date>`now()`), eb('host_leases.holder', '=', holder)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
}

export async function releaseHostLease(db: Db, host: string, holder: string): Promise<void> {
  await db.deleteFrom('host_leases').where('host', '=', host).where('holder', '=', holder).execute();
}
