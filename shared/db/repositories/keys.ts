// API keys: only a SHA-256 of the key is stored; the key itself is shown once, at creation.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../index.ts';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createApiKey(db: Db, role: Role, name: string | null): Promise<{ id: number; role: Role; key: string }> {
  const key = `btm_${randomBytes(24).toString('base64url')}`;
  const row = await db
    .insertInto('api_keys')
    .values({ role, name, prefix: key.slice(0, 8), key_hash: hash(key) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, role, key };
}

export async function verifyApiKey(db: Db, key: string): Promise<{ id: number; role: Role } | null> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'role'])
    .where('key_hash', '=', hash(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, role: row.role as Role } : null;
}

export async function countApiKeys(db: Db): Promise<number> {
  const row = await db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
