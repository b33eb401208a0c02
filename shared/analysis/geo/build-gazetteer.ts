// Precompiles the vendored gazetteer CSVs (shared/analysis/data/geo/*.csv) and the hand-kept alias
// file into one compact JSON index (shared/analysis/data/geo/gazetteer.json) that the geocoder loads
// at start-up. Run after changing any of those files:
//   node --import tsx shared/analysis/geo/build-gazetteer.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adjective, nameKey } from './normalize.ts';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'geo');

export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else q = false;
      } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** Kazakh unit name without its generic term. */
function kkBare(name: string): string {
  return name
    .replace(/\s*атын\.\s*(ауданы|а\.ә\.)$/u, '')
    .replace(/\s+(облысы|ауданы|Қ\.Ә\.|Г\.А\.|қ\.|а\.ә\.)$/u, '')
    .trim();
}

/** Russian unit name without its generic term; `adj` when the name is a -ский/-ская adjective. */
function ruBare(name: string): { bare: string; adj: boolean } {
  let s = name.trim();
  s = s.replace(/^г\./u, '').replace(/\s+Г\.А\.$/u, '');
  s = s.replace(/^(область|район|Район|р\.а\.)\s+/u, '').replace(/^им\.\s*/u, '');
  s = s.replace(/\s+р\.а\.$/u, '');
  const m = /^(.+?)\s+(область|район)$/u.exec(s);
  if (m) return { bare: m[1], adj: /(ская|ский|ной|ный)$/u.test(m[1]) };
  return { bare: s.trim(), adj: false };
}

/** Settlement display/bare names. */
function settlementBare(kk: string, ru: string): { kk: string; ru: string } {
  const k = kk.replace(/\s+(атын\.)?\s*(а\.|а|қ\.|к\.|ст\.)$/u, '').trim();
  const r = ru.replace(/^(с\.|г\.|п\.|ст\.)\s*/u, '').trim();
  return { kk: k, ru: r };
}

const KIND_CODE: Record<string, number> = { city: 0, settlement: 1, village: 2 };

interface AliasFile {
  units: Record<string, string[]>;
}

export function build(): object {
  const admin = parseCsv(readFileSync(join(DATA, 'kz-admin.csv'), 'utf8'));
  const sett = parseCsv(readFileSync(join(DATA, 'kz-settlements.csv'), 'utf8'));
  const hist = parseCsv(readFileSync(join(DATA, 'kz-historical-district-names.csv'), 'utf8'));
  const aliases = JSON.parse(readFileSync(join(DATA, 'aliases.json'), 'utf8')) as AliasFile;

  const unitIdx = new Map<string, number>();
  admin.forEach((r, i) => unitIdx.set(r.kato_code, i));

  const keys = new Map<string, Set<number>>();
  const adj = new Map<string, Set<number>>();
  // Units reached by a key only through a former name (Теңіз ауданы → Нұра, Балықшы ауданы → Атырау):
  // such a name used bare is a village of that name or a common word ("теңіз" sea), so the geocoder
  // takes the unit only with a generic term next to it.
  const histKeys = new Map<string, Set<number>>();
  const add = (m: Map<string, Set<number>>, k: string, id: number): void => {
    if (!k) return;
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(id);
  };

  // Primary keys of each unit, used to drop alternate names that belong to another unit
  // (GeoNames lists "Zhambyl" and "Talas" for Taraz, "Ili" for Konaev, "Kazakhstan" for Aksay …).
  const primary = admin.map((r) => {
    const ks = new Set<string>();
    ks.add(nameKey(kkBare(r.name_kk)));
    const rb = ruBare(r.name_ru);
    if (!rb.adj) ks.add(nameKey(rb.bare));
    ks.add(nameKey(r.name_en));
    return ks;
  });
  const primaryOwner = new Map<string, Set<number>>();
  primary.forEach((ks, i) => ks.forEach((k) => add(primaryOwner, k, i)));
  const BLOCK = new Set(['kazakstan', 'kazahstan', 'kazakhstan', 'respublika kazahstan']);
  const altOk = (k: string, own: Set<number> | null): boolean => {
    if (!k || k.length < 3 || BLOCK.has(k)) return false;
    const owners = primaryOwner.get(k);
    if (!owners) return true;
    if (!own) return false;
    for (const o of owners) if (!own.has(o)) return false;
    return true;
  };

  const units = admin.map((r, i) => {
    const rb = ruBare(r.name_ru);
    const kk = kkBare(r.name_kk);
    for (const k of primary[i]) add(keys, k, i);
    if (rb.adj) {
      const a = adjective(nameKey(rb.bare).split(' ').pop() ?? '');
      if (a) {
        const words = nameKey(rb.bare).split(' ');
        words[words.length - 1] = a.stem;
        add(adj, words.join(' '), i);
      }
    }
    const own = new Set([i]);
    for (const alt of r.alt_names.split('|')) {
      if (!alt) continue;
      const a = adjective(nameKey(alt));
      if (a && /(ская|ский)$/u.test(alt)) {
        add(adj, nameKey(alt).replace(/\S+$/, a.stem), i);
        continue;
      }
      const k = nameKey(alt);
      if (altOk(k, own)) add(keys, k, i);
    }
    for (const h of r.historical_names.split('|')) {
      if (!h) continue;
      const hb = h.replace(/\s+(район|ауданы)$/u, '');
      const k = nameKey(hb);
      const a = /(ский|ская)$/u.test(hb) ? adjective(k) : null;
      if (a) add(adj, k.replace(/\S+$/, a.stem), i);
      else if (altOk(k, own)) add(histKeys, k, i);
    }
    for (const al of aliases.units[r.kato_code] ?? []) {
      const k = nameKey(al);
      const a = /(ская|ский|ской)$/u.test(al) ? adjective(k) : null;
      if (a) add(adj, k.replace(/\S+$/, a.stem), i);
      else add(keys, k, i);
    }
    return {
      k: r.kato_code,
      l: r.level,
      p: r.parent_code || null,
      kk: r.name_kk,
      kkb: kk,
      ru: rb.bare,
      ruAdj: rb.adj,
      en: r.name_en,
      lat: r.lat ? Number(r.lat) : null,
      lon: r.lon ? Number(r.lon) : null,
    };
  });
  const keysBefore = new Map([...keys].map(([k, v]) => [k, new Set(v)]));
  // historical district register: former/merged names, filed under current units
  for (const h of hist) {
    if (h.status !== 'former_or_merged_name' || !h.kato_2026_unit) continue;
    const i = unitIdx.get(h.kato_2026_unit);
    if (i === undefined) continue;
    const ru = h.name_ru.replace(/\s+район$/u, '');
    const k = nameKey(ru);
    const a = /(ский|ская)$/u.test(ru) ? adjective(k) : null;
    if (a) add(adj, k.replace(/\S+$/, a.stem), i);
    const kkb = h.name_kk.replace(/\s+ауданы$/u, '');
    if (kkb && altOk(nameKey(kkb), new Set([i]))) add(histKeys, nameKey(kkb), i);
  }
  // a former name that is also a current name of the same unit stays an ordinary key
  const formerOnly = new Map<string, Set<number>>();
  for (const [k, ids] of histKeys) {
    for (const i of ids) {
      add(keys, k, i);
      if (!keysBefore.get(k)?.has(i)) add(formerOnly, k, i);
    }
  }

  const U = units.length;
  const settlements: Array<[string, number, string, string, string, number]> = [];
  for (const r of sett) {
    const kind = KIND_CODE[r.kind];
    if (kind === undefined) continue; // rural okrugs, farmsteads, stations, sidings: not indexed
    const ui = unitIdx.get(r.admin_unit_code);
    if (ui === undefined) continue;
    const b = settlementBare(r.name_kk, r.name_ru);
    const id = U + settlements.length;
    settlements.push([r.kato_code, kind, b.kk, b.ru, r.name_translit, ui]);
    const own = new Set([ui]);
    const ks = new Set([nameKey(b.kk), nameKey(b.ru), nameKey(r.name_translit)]);
    for (const alt of r.alt_names.split('|')) if (alt) ks.add(nameKey(alt));
    for (const k of ks) {
      if (!k || k.length < 2 || BLOCK.has(k)) continue;
      // a settlement alt name equal to another unit's primary name is dropped; its own names stay
      if (!altOk(k, own) && !(k === nameKey(b.kk) || k === nameKey(b.ru))) continue;
      add(keys, k, id);
    }
  }

  const obj = (m: Map<string, Set<number>>): Record<string, number[]> => {
    const o: Record<string, number[]> = {};
    for (const [k, v] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) o[k] = [...v];
    return o;
  };
  return {
    version: 1,
    note: 'Generated by shared/analysis/geo/build-gazetteer.ts from the CSVs and aliases.json in this folder; see SOURCES.md.',
    units,
    settlements,
    keys: obj(keys),
    adj: obj(adj),
    former: obj(formerOnly),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = build();
  const json = JSON.stringify(out);
  writeFileSync(join(DATA, 'gazetteer.json'), json + '\n');
  console.log(`gazetteer.json: ${(json.length / 1024).toFixed(0)} KiB`);
}
