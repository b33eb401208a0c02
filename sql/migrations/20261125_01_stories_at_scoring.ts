// Stories are grouped by the score stage now, not while storing: an article's fingerprint is unknown
// until it is scored. Its story was already nullable.
import { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').alterColumn('fingerprint', (c) => c.dropNotNull()).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('articles').set({ fingerprint: '' }).where('fingerprint', 'is', null).execute();
  await db.schema.alterTable('articles').alterColumn('fingerprint', (c) => c.setNotNull()).execute();
}
