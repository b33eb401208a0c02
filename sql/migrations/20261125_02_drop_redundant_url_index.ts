// articles_url_uq restated the dedup key's uniqueness (an article with a URL has the key "u:" + its
// canonical URL) and served no look-up, but cost every stored article an index insertion.
import { Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_url_uq').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_url_uq').on('articles').column('url').unique().where(sql.ref('url'), 'is not', null).execute();
}
