// Stories: syndicated copies of one event, grouped when their articles are scored. Reports (articles)
// count for corroboration, stories for counting.
import { sql, type Expression } from 'kysely';
import { SAME_STORY_MAX_DISTANCE } from '../../feeds/fingerprint.ts';
import { storyRows, type StoryCandidate, type StoryRow } from '../../feeds/stories.ts';
import type { Db } from '../index.ts';
import { compiledOnce } from '../prepared.ts';

/** How far back a copy may join a story: syndication happens within days, not weeks. */
const STORY_WINDOW = '3 days';

/** Bits in which two stored fingerprints (16 hex digits) differ. */
const fingerprintDistance = (a: Expression<string>, b: Expression<string>) =>
  sql<number>`bit_count(('x' || ${a})::bit(64) # ('x' || ${b})::bit(64))`;

/**
 * Puts articles that have no story yet into stories, in one transaction:
 *   - copies of one story within the batch form a group (greedy, in id order, computed beforehand);
 *     a group joins the recent story nearest to any of its members — candidates come from the band
 *     index, the real distance is checked in SQL — or else founds a story whose id is reserved up front;
 *   - only groups with at least one article still unstoried create a story (with their first such
 *     member's fingerprint, bands and fetch time); joined stories' report counts grow by the articles
 *     actually grouped.
 * One grouper at a time (a transaction-scoped advisory lock): two score workers holding copies of one
 * new story would otherwise each found it, neither seeing the other's uncommitted story. Articles
 * grouped meanwhile by another worker (a retried job) are skipped, so nothing is counted twice.
 * Returns how many articles were grouped.
 */
export async function groupIntoStories(db: Db, candidates: StoryCandidate[]): Promise<number> {
  if (candidates.length === 0) return 0;
  const rows = JSON.stringify(storyRows(candidates));
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext('stories'))`.execute(tx);
    // Compiled against the root instance (one template per process), run on the transaction.
    const { rows: out } = await tx.executeQuery(compiledGroup(db, { rows }));
    return out.length;
  });
}

// The statement's text never changes (the batch travels in its parameter): compiled once per process.
const compiledGroup = compiledOnce(groupStatement, { named: true });

function groupStatement(db: Db, p: { rows: string }) {
  return (
    db
      .with('input', (qc) =>
        qc
          .selectFrom(
            sql<StoryRow>`json_to_recordset(${p.rows}::json)`.as<'t'>(sql`t(id int8, fingerprint text, bands text, grp int4, ord int4, fetched_at timestamptz)`),
          )
          .selectAll(),
      )
      .with('input_bands', (qc) =>
        qc
          .selectFrom('input as i')
          .crossJoin(sql<{ band: string }>`unnest(string_to_array(i.bands, ','))`.as<'b'>(sql`b(band)`))
          .select(['i.ord', 'b.band']),
      )
      // Per group, the recent story nearest to any member (ties: the earlier member, then the older story).
      .with('matched', (qc) =>
        qc
          .selectFrom('input as i')
          .innerJoin('input_bands as ib', 'ib.ord', 'i.ord')
          .innerJoin('story_bands as sb', 'sb.band', 'ib.band')
          .innerJoin('stories as s', 's.id', 'sb.story_id')
          .where('s.first_seen_at', '>=', sql<Date>`i.fetched_at - ${STORY_WINDOW}::interval`)
          .where(fingerprintDistance(sql.ref('s.fingerprint'), sql.ref('i.fingerprint')), '<=', SAME_STORY_MAX_DISTANCE)
          .distinctOn('i.grp')
          .select(['i.grp', 's.id as story_id'])
          .orderBy('i.grp')
          .orderBy(fingerprintDistance(sql.ref('s.fingerprint'), sql.ref('i.fingerprint')))
          .orderBy('i.ord')
          .orderBy('s.id'),
      )
      // Groups that found a story: its id, reserved now (nextval makes this CTE evaluate once).
      .with('fresh_groups', (qc) =>
        qc
          .selectFrom('input as i')
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('matched as m').select('m.grp').whereRef('m.grp', '=', 'i.grp'))))
          .select(['i.grp', sql<number>`nextval(pg_get_serial_sequence('stories', 'id'))`.as('story_id')])
          .groupBy('i.grp'),
      )
      .with('src', (qc) =>
        qc
          .selectFrom('input as i')
          .leftJoin('matched as m', 'm.grp', 'i.grp')
          .leftJoin('fresh_groups as f', 'f.grp', 'i.grp')
          .select((eb) => ['i.id', 'i.fingerprint', 'i.ord', 'i.fetched_at', eb.fn.coalesce('m.story_id', 'f.story_id').as('story_id')]),
      )
      // The articles' foreign key to a reserved story is checked at the end of the statement, after
      // new_stories has inserted it.
      .with('upd', (qc) =>
        qc
          .updateTable('articles')
          .from('src')
          .set((eb) => ({ story_id: eb.ref('src.story_id'), fingerprint: eb.ref('src.fingerprint') }))
          .whereRef('articles.id', '=', 'src.id')
          .where('articles.story_id', 'is', null)
          .returning(['articles.id', 'articles.story_id']),
      )
      // New stories: per reserved id that got articles, the first grouped member founds it.
      .with('founders', (qc) =>
        qc
          .selectFrom('upd')
          .innerJoin('src', 'src.id', 'upd.id')
          .where('upd.story_id', 'in', (eb) => eb.selectFrom('fresh_groups').select('fresh_groups.story_id'))
          .distinctOn('upd.story_id')
          .select((eb) => ['upd.story_id', 'src.fingerprint', 'src.ord', 'src.fetched_at', eb.fn.countAll<number>().over((ob) => ob.partitionBy('upd.story_id')).as('n')])
          .orderBy('upd.story_id')
          .orderBy('src.ord'),
      )
      .with('new_stories', (qc) =>
        qc
          .insertInto('stories')
          .columns(['id', 'fingerprint', 'first_seen_at', 'report_count'])
          .expression((eb) => eb.selectFrom('founders as f').select(['f.story_id', 'f.fingerprint', 'f.fetched_at', sql<number>`f.n::int4`.as('report_count')]))
          .returning('stories.id'),
      )
      .with('new_bands', (qc) =>
        qc
          .insertInto('story_bands')
          .columns(['band', 'story_id'])
          .expression((eb) => eb.selectFrom('founders as f').innerJoin('input_bands as ib', 'ib.ord', 'f.ord').select(['ib.band', 'f.story_id']))
          .onConflict((oc) => oc.doNothing())
          .returning('story_bands.story_id'),
      )
      // Joined stories: the aggregate reads all of `upd` before the first lock is taken; stories are
      // locked in id order, as feed removal locks them, so the two cannot deadlock.
      .with('joined', (qc) =>
        qc
          .selectFrom('upd')
          .where('upd.story_id', 'in', (eb) => eb.selectFrom('matched').select('matched.story_id'))
          .groupBy('upd.story_id')
          .select((eb) => ['upd.story_id', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')]),
      )
      .with('locked', (qc) =>
        qc.selectFrom('stories as s').innerJoin('joined as j', 'j.story_id', 's.id').select(['s.id', 'j.n']).orderBy('s.id').forUpdate(['s']),
      )
      .with('bumped', (qc) =>
        qc
          .updateTable('stories')
          .from('locked as l')
          .set((eb) => ({ report_count: eb('stories.report_count', '+', eb.ref('l.n')) }))
          .whereRef('stories.id', '=', 'l.id')
          .returning('stories.id'),
      )
      .selectFrom('upd')
      .select('upd.id')
  );
}
