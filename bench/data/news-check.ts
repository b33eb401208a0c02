// Validates the synthetic news corpus: the training file and the held-out test file.
//   node --import tsx bench/data/news-check.ts [train.jsonl] [test.jsonl]   (test.jsonl may be news-test2.jsonl)
// Checks: one JSON object per line; fields and types; unique ids (across both files); lang values;
// label/severity consistency; KATO codes exist in the gazetteer at the right level and agree with each
// other; no near-duplicate titles or texts between train and test (token Jaccard < 0.6).
// Exits 1 when anything is reported.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const trainPath = resolve(process.argv[2] ?? resolve(repo, 'shared/analysis/training/corpus/news-train.jsonl'));
const testPath = resolve(process.argv[3] ?? resolve(repo, 'bench/data/news-test.jsonl'));

// The gazetteer: the repository's own copy when present, else the one beside the repository.
const gazCandidates = [resolve(repo, 'shared/analysis/data/geo/kz-admin.csv'), '/work/shared/data/geo/kz-admin.csv'];
const gazPath = gazCandidates.find((p) => existsSync(p));
if (!gazPath) {
  console.error(`no gazetteer found (looked in ${gazCandidates.join(', ')})`);
  process.exit(2);
}

/** Minimal CSV line splitter (fields may be double-quoted with "" escapes). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

interface Unit { level: string; parent: string }
const units = new Map<string, Unit>();
{
  const lines = readFileSync(gazPath, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const head = splitCsv(lines[0]);
  const iCode = head.indexOf('kato_code');
  const iLevel = head.indexOf('level');
  const iParent = head.indexOf('parent_code');
  for (const l of lines.slice(1)) {
    const f = splitCsv(l);
    units.set(f[iCode], { level: f[iLevel], parent: f[iParent] });
  }
}
const DISTRICT_LEVELS = new Set(['district', 'city_regional', 'city_district', 'city_republican']);
const REGION_LEVELS = new Set(['region', 'city_republican']);
const LANGS = new Set(['kk', 'ru', 'en']);
const SEVERITY_1 = new Set(['quarrel', 'brawl', 'group_clash', 'pogrom', 'killing', 'hostility', 'mobilisation', 'rumour', 'grievance']);
const KATO = /^\d{9}$/;

/** The region (or republican city) a district-level unit belongs to. */
function regionOf(code: string): string | undefined {
  let u = units.get(code);
  let c = code;
  while (u && !REGION_LEVELS.has(u.level)) {
    c = u.parent;
    u = units.get(c);
  }
  return u ? c : undefined;
}

interface Item {
  id: string; lang: string; title: string; text: string; label: number; severity: string;
  district: string | null; region: string | null; note: string;
}

const problems: string[] = [];
const report = (file: string, line: number, msg: string) => problems.push(`${file}:${line}: ${msg}`);
const seenIds = new Map<string, string>();

function load(path: string, split: 'train' | 'test'): Item[] {
  const name = path.slice(repo.length + 1) || path;
  if (!existsSync(path)) {
    problems.push(`${name}: file missing`);
    return [];
  }
  const raw = readFileSync(path, 'utf8');
  if (raw.charCodeAt(0) === 0xfeff) problems.push(`${name}: starts with a BOM`);
  const items: Item[] = [];
  raw.split('\n').forEach((line, idx) => {
    const n = idx + 1;
    if (line.trim() === '') {
      if (idx !== raw.split('\n').length - 1) report(name, n, 'blank line');
      return;
    }
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line);
    } catch (e) {
      report(name, n, `not JSON: ${(e as Error).message}`);
      return;
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) return report(name, n, 'not an object');
    const keys = ['id', 'lang', 'title', 'text', 'label', 'severity', 'district', 'region', 'note'];
    for (const k of keys) if (!(k in o)) report(name, n, `missing field ${k}`);
    for (const k of Object.keys(o)) if (!keys.includes(k)) report(name, n, `unexpected field ${k}`);
    const it = o as unknown as Item;
    for (const k of ['id', 'title', 'text', 'note', 'severity', 'lang'] as const) {
      if (typeof it[k] !== 'string' || (it[k] as string).trim() === '') report(name, n, `${k} must be a non-empty string`);
    }
    if (!LANGS.has(it.lang)) report(name, n, `lang ${JSON.stringify(it.lang)} not kk|ru|en`);
    if (typeof it.id === 'string') {
      // Test files may be numbered (news-test2.jsonl has ids <lang>-news-test2-NNN).
      const splitRe = split === 'test' ? 'test\\d*' : split;
      const want = new RegExp(`^${it.lang}-news-${splitRe}-\\d{3,}$`);
      if (!want.test(it.id)) report(name, n, `id ${it.id} does not match ${it.lang}-news-${split}[N]-NNN`);
      const prev = seenIds.get(it.id);
      if (prev) report(name, n, `duplicate id ${it.id} (also ${prev})`);
      seenIds.set(it.id, `${name}:${n}`);
    }
    if (it.label !== 0 && it.label !== 1) report(name, n, `label must be 0 or 1`);
    if (it.label === 0 && it.severity !== 'none') report(name, n, `label 0 needs severity none, got ${it.severity}`);
    if (it.label === 1 && !SEVERITY_1.has(it.severity)) report(name, n, `label 1 needs a tension severity, got ${it.severity}`);
    for (const k of ['district', 'region'] as const) {
      const v = it[k];
      if (v !== null && (typeof v !== 'string' || !KATO.test(v))) report(name, n, `${k} must be a 9-digit KATO string or null`);
    }
    if (typeof it.district === 'string' && KATO.test(it.district)) {
      const u = units.get(it.district);
      if (!u) report(name, n, `district ${it.district} not in gazetteer`);
      else if (!DISTRICT_LEVELS.has(u.level)) report(name, n, `district ${it.district} is level ${u.level}`);
      else if (it.region !== regionOf(it.district)) report(name, n, `district ${it.district} lies in ${regionOf(it.district)}, region says ${it.region}`);
    }
    if (typeof it.region === 'string' && KATO.test(it.region)) {
      const u = units.get(it.region);
      if (!u) report(name, n, `region ${it.region} not in gazetteer`);
      else if (!REGION_LEVELS.has(u.level)) report(name, n, `region ${it.region} is level ${u.level}`);
    }
    if (it.district !== null && it.region === null) report(name, n, 'district without region');
    items.push(it);
  });
  return items;
}

const train = load(trainPath, 'train');
const test = load(testPath, 'test');

// Near-duplicates between the splits, on lower-cased word tokens.
const tokens = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}
const LIMIT = 0.6;
const trT = train.map((x) => ({ id: x.id, title: tokens(String(x.title)), text: tokens(String(x.text)) }));
let maxTitle = 0;
let maxText = 0;
for (const y of test) {
  const yt = tokens(String(y.title));
  const yx = tokens(String(y.text));
  for (const x of trT) {
    const jt = jaccard(yt, x.title);
    const jx = jaccard(yx, x.text);
    maxTitle = Math.max(maxTitle, jt);
    maxText = Math.max(maxText, jx);
    if (jt >= LIMIT) problems.push(`near-duplicate titles: test ${y.id} ~ train ${x.id} (Jaccard ${jt.toFixed(2)})`);
    if (jx >= LIMIT) problems.push(`near-duplicate texts: test ${y.id} ~ train ${x.id} (Jaccard ${jx.toFixed(2)})`);
  }
}

// Summary: counts per file × lang × label, label-1 share, long test items.
function summary(name: string, items: Item[]) {
  console.log(`${name}: ${items.length} items`);
  for (const lang of LANGS) {
    const l = items.filter((x) => x.lang === lang);
    const pos = l.filter((x) => x.label === 1).length;
    const sev = new Map<string, number>();
    for (const x of l) sev.set(x.severity, (sev.get(x.severity) ?? 0) + 1);
    const long = l.filter((x) => Buffer.byteLength(`${x.title}\n${x.text}`, 'utf8') >= 1500).length;
    const sevs = [...sev].sort().map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`  ${lang}: ${l.length} (label0=${l.length - pos} label1=${pos}, ${l.length ? Math.round((100 * pos) / l.length) : 0}% positive; >=1.5KB: ${long}) ${sevs}`);
  }
}
console.log(`gazetteer: ${gazPath} (${units.size} units)`);
summary('train', train);
summary('test', test);
console.log(`max train/test token Jaccard: title ${maxTitle.toFixed(2)}, text ${maxText.toFixed(2)} (limit ${LIMIT})`);

if (problems.length) {
  for (const p of problems) console.log(`PROBLEM ${p}`);
  console.log(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log('OK: no problems');
