#!/usr/bin/env python3
"""Span -> gazetteer lookup for the Kazakh gold (bench/data/geo-gold-kk.jsonl).

Independent of the TypeScript geocoder: it reads the KATO CSVs directly, works on exact Kazakh
Cyrillic spellings (no skeleton keys, no Russian/Latin variants), and strips an explicit list of
Kazakh case/possessive suffixes from the END of each annotated span until the remainder equals a
gazetteer name.  Every span that matches no name, or more than one unit, or that is a foreign or
non-administrative name, must be decided by hand in geo-gold-kk-manual.json (reviewed one by one).

  python3 bench/data/geo-gold-lookup.py candidates   # print spans needing a manual decision
  python3 bench/data/geo-gold-lookup.py build        # write geo-gold-kk.jsonl
"""
import csv, json, sys, os, collections

HERE = os.path.dirname(os.path.abspath(__file__))
GEO = os.path.join(HERE, '..', '..', 'shared', 'analysis', 'data', 'geo')
DEV = '/work/shared/data/eval/geo-dev.jsonl'
if not os.path.exists(DEV):
    DEV = os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'eval', 'geo-dev.jsonl')

SUFFIXES = sorted(set('''
ның нің дың дің тың тің ын ін н ы і сы сі
да де та те нда нде дағы дегі тағы тегі ндағы ндегі
ға ге қа ке на не а е
дан ден тан тен нан нен
ны ні ды ді ты ті
мен бен пен
лық лік дық дік тық тік
дар дер тар тер лар лер
'''.split()), key=len, reverse=True)

def strip_chain(s):
    """All strings obtained by removing 0..3 suffixes from the end of s."""
    out = {s}
    layer = {s}
    for _ in range(3):
        nxt = set()
        for w in layer:
            for suf in SUFFIXES:
                if w.endswith(suf) and len(w) - len(suf) >= 2:
                    nxt.add(w[: -len(suf)])
        nxt -= out
        out |= nxt
        layer = nxt
    # final consonant alternation before a vowel suffix (Бостандығы -> Бостандық)
    for w in list(out):
        if w.endswith('ғ'): out.add(w[:-1] + 'қ')
        if w.endswith('г'): out.add(w[:-1] + 'к')
        if w.endswith('б'): out.add(w[:-1] + 'п')
    return out

def load():
    units = list(csv.DictReader(open(os.path.join(GEO, 'kz-admin.csv'), encoding='utf8')))
    setts = list(csv.DictReader(open(os.path.join(GEO, 'kz-settlements.csv'), encoding='utf8')))
    ubyk = {u['kato_code']: u for u in units}
    def region_of(k):
        u = ubyk[k]
        while u['parent_code']:
            u = ubyk[u['parent_code']]
        return u['kato_code']
    regions, districts, cities = collections.defaultdict(list), collections.defaultdict(list), collections.defaultdict(list)
    villages = collections.defaultdict(list)
    for u in units:
        kk = u['name_kk']
        for g in (' облысы', ' ауданы', ' Қ.Ә.', ' Г.А.', ' қ.', ' атын.ауданы', ' атын. а.ә.', ' а.ә.'):
            if kk.endswith(g):
                kk = kk[: -len(g)]
                break
        if u['level'] == 'region':
            regions[kk].append(u['kato_code'])
        elif u['level'] in ('district', 'city_district'):
            districts[kk].append(u['kato_code'])
        else:
            cities[kk].append(u['kato_code'])
    for s in setts:
        if s['kind'] not in ('village', 'settlement', 'city'):
            continue
        kk = s['name_kk']
        for g in (' атын.а.', ' а.', ' қ.', ' к.'):
            if kk.endswith(g):
                kk = kk[: -len(g)]
                break
        if s['kind'] == 'city':
            cities[kk].append(s['admin_unit_code'])
        else:
            villages[kk].append((s['kato_code'], s['admin_unit_code']))
    return units, ubyk, region_of, regions, districts, cities, villages

GENERIC = {'облыс': 'region', 'аудан': 'district', 'қала': 'city', 'ауыл': 'village', 'кент': 'village'}

def context_kind(span, text):
    """Generic term written right after the span in the sentence (Қарасай ауданында, Бірлік аулындағы)."""
    i = text.find(span)
    if i < 0:
        return None
    rest = text[i + len(span):].lstrip(' «»"()')
    w = rest.split(' ', 1)[0].lower() if rest else ''
    for g, k in (('облыс', 'region'), ('аудан', 'district'), ('ауыл', 'village'), ('аул', 'village'), ('қала', 'city'), ('кент', 'village'), ('селол', 'village')):
        if w.startswith(g):
            return k
    return None

def lookup(span, T, ctx=None):
    units, ubyk, region_of, regions, districts, cities, villages = T
    words = span.split()
    kind = ctx
    name = span
    if len(words) >= 2:
        for g, k in GENERIC.items():
            if words[-1].startswith(g):
                kind, name = k, ' '.join(words[:-1])
                break
    name = name.replace('-', ' ') if name.replace('-', ' ') in regions else name
    forms = strip_chain(name)
    res = set()
    for f in forms:
        if kind == 'region' and f in regions: res |= {('region', c) for c in regions[f]}
        if kind == 'district' and f in districts: res |= {('district', c) for c in districts[f]}
        if kind in (None, 'city') and f in cities: res |= {('city', c) for c in cities[f]}
        if kind == 'village' and f in villages: res |= {('village', c[0]) for c in villages[f]}
    if kind is None and not res:
        for f in forms:
            if f in regions: res |= {('region', c) for c in regions[f]}
    if kind is None and not res:
        # a bare district or village name counts only when every reading lies in one district
        found = set()
        for f in forms:
            for c in districts.get(f, []): found.add(('district', c, c))
            for c, adm in villages.get(f, []): found.add(('village', c, adm))
        if found and len({x[2] for x in found}) == 1:
            dist = [x for x in found if x[0] == 'district']
            res = {(dist[0][0], dist[0][1])} if dist else {(x[0], x[1]) for x in found}
            if len(res) > 1:
                res = {('district', next(iter(found))[2])}
        elif found:
            res = {(x[0], x[1]) for x in found}
    return kind, sorted(res)

def lemma_code(span, manual):
    lem = manual.get('lemmas', {})
    for f in sorted(strip_chain(span), key=len, reverse=True):
        if f in lem:
            return lem[f]
    return None

def main():
    T = load()
    rows = [json.loads(l) for l in open(DEV, encoding='utf8')]
    manual_path = os.path.join(HERE, 'geo-gold-kk-manual.json')
    manual = json.load(open(manual_path, encoding='utf8')) if os.path.exists(manual_path) else {'spans': {}, 'sentences': {}}
    mode = sys.argv[1] if len(sys.argv) > 1 else 'candidates'
    units, ubyk, region_of = T[0], T[1], T[2]
    sett_unit = {r['kato_code']: r['admin_unit_code'] for r in csv.DictReader(open(os.path.join(GEO, 'kz-settlements.csv'), encoding='utf8'))}
    unit_of = lambda c: c if c in ubyk else sett_unit.get(c)
    if mode == 'candidates':
        for r in rows:
            for span in r['places']:
                if span in manual['spans'] or lemma_code(span, manual) is not None or r['id'] + '|' + span in manual['spans']:
                    continue
                kind, res = lookup(span, T, context_kind(span, r['text']))
                if len(res) != 1:
                    print(json.dumps({'id': r['id'], 'span': span, 'kind': kind, 'cands': res[:6], 'ncands': len(res), 'text': r['text']}, ensure_ascii=False))
        return
    out = []
    stats = collections.Counter()
    for r in rows:
        places = []
        for span in r['places']:
            if r['id'] + '|' + span in manual['spans']:
                code = manual['spans'][r['id'] + '|' + span]
                stats['manual_sentence'] += 1
            elif span in manual['spans']:
                code = manual['spans'][span]
                stats['manual'] += 1
            elif lemma_code(span, manual) is not None:
                code = lemma_code(span, manual)
                stats['manual_lemma'] += 1
            else:
                kind, res = lookup(span, T, context_kind(span, r['text']))
                if len(res) != 1:
                    raise SystemExit(f'undecided span {span!r} in {r["id"]}')
                code = res[0][1]
                stats['lookup'] += 1
            places.append({'span': span, 'code': code})
        override = manual['sentences'].get(r['id'], {})
        if 'places' in override:
            places = override['places']
        # gold main place: the first Kazakhstan place below country level (document: README)
        kz = [p['code'] for p in places if p['code'] and p['code'][0].isdigit()]
        region = district = None
        if kz:
            # region of the first-mentioned place; district: the first place in that region that is
            # below region level, a city district / district / regional city / settlement before the
            # republican city itself (which is its own district when nothing finer is named)
            first = unit_of(kz[0])
            region = region_of(first)
            inreg = [unit_of(c) for c in kz if region_of(unit_of(c)) == region and ubyk[unit_of(c)]['level'] != 'region']
            fine = [u for u in inreg if ubyk[u]['level'] != 'city_republican']
            district = fine[0] if fine else (inreg[0] if inreg else None)
        if 'region' in override: region = override['region']
        if 'district' in override: district = override['district']
        out.append({'id': r['id'], 'lang': 'kk', 'text': r['text'], 'places': places, 'region': region, 'district': district})
    with open(os.path.join(HERE, 'geo-gold-kk.jsonl'), 'w', encoding='utf8') as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print(dict(stats), 'sentences', len(out), 'with region', sum(1 for o in out if o['region']), 'with district', sum(1 for o in out if o['district']))

if __name__ == '__main__':
    main()
