// Statements compiled once per process. Building and compiling a Kysely query costs a fraction of a
// millisecond to a millisecond of CPU — per poll, the hot ones together cost about as much as storing
// the articles. A statement whose text never changes is therefore built once, with a marker object in
// each parameter's place, and every call fills the markers' slots with its own values.
//
// The builder must use its parameters as values only (bound parameters): a parameter that decides the
// statement's shape (an `if`, a spread, a list whose length varies) would be decided once, by a marker.
//
// With `named`, the text also runs as a named prepared statement (see withNamedStatements in
// index.ts): PostgreSQL then parses and plans it once per connection instead of on every call — for
// the batch insert, planning took about as long as executing. Only for statements whose result
// columns cannot change under them (no `select *`): a prepared plan fails if they do.
import { createHash } from 'node:crypto';
import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from './index.ts';

const names = new Map<string, string>();

/** The prepared-statement name of a statement text compiled with `named`, else undefined. */
export function statementName(sql: string): string | undefined {
  return names.get(sql);
}

const MARKER = Symbol('statement parameter');
type Marker = { [MARKER]: string };

const isMarker = (v: unknown): v is Marker => typeof v === 'object' && v !== null && MARKER in v;

export function compiledOnce<P extends Record<string, unknown>, O>(
  build: (db: Db, p: P) => Compilable<O>,
  opts: { named?: boolean } = {},
): (db: Db, params: P) => CompiledQuery<O> {
  const templates = new WeakMap<Db, { sql: string; slots: Array<{ name: string } | { value: unknown }> }>();
  return (db, params) => {
    let t = templates.get(db);
    if (!t) {
      const markers = Object.fromEntries(Object.keys(params).map((name) => [name, { [MARKER]: name } satisfies Marker]));
      const compiled = build(db, markers as unknown as P).compile();
      // Values that are no markers are the statement's own constants.
      t = { sql: compiled.sql, slots: compiled.parameters.map((v) => (isMarker(v) ? { name: v[MARKER] } : { value: v })) };
      templates.set(db, t);
      if (opts.named) names.set(t.sql, `bitim_${createHash('sha1').update(t.sql).digest('hex').slice(0, 16)}`);
    }
    const values = t.slots.map((slot) => ('name' in slot ? params[slot.name] : slot.value));
    return CompiledQuery.raw(t.sql, values) as CompiledQuery<O>;
  };
}
