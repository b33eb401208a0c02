// Rule scoring over the matcher's output.
//
// Per sentence (the title, when given, is sentence 0):
//  - conflict terms (violence, hostility, mobilisation, rumour) count fully when a group reference
//    (ethnonym, derogatory form, "interethnic" qualifier) is in the same sentence, half when the
//    nearest group reference is in an adjacent sentence (the headline counts as adjacent to the first
//    LEAD_SENTENCES body sentences), GROUP_LINES_FACTOR when another sentence of the article puts a
//    conflict term beside a group, and NO_GROUP_FACTOR otherwise; a term that names
//    a group itself (slurs, "разжигание межнациональной розни") counts as co-occurring;
//  - negation: a negation cue cancels conflict terms within `scope` tokens in the same clause, on
//    either side ("столкновений не было", "қақтығыс болған жоқ") or, for Russian "не" and English
//    "no"/"not", only after it ("no clashes were reported", but not "призывами «не отдавать»");
//  - denial ("не носит межнационального характера", "not an ethnic conflict", "ұлтаралық емес") is
//    evidence with a small negative weight; the conflict word right after it is the thing denied and
//    is absorbed, but every other incident term in the article still counts: authorities often
//    deny an ethnic motive during real clashes, so a denial never cancels an incident;
//  - accidents (crash, fire, collapse, drowning; modifiers.json type "accident"): deaths and injuries
//    (`outcome` violence entries) in the same sentence count ACCIDENT_FACTOR (nobody fought);
//  - historical framing (anniversary, "years ago", "жыл бұрын", a past year such as "в 2020 году" when
//    the article also names a later year or the year is before HISTORY_BEFORE_YEAR) multiplies the
//    sentence's conflict weight by HISTORICAL_FACTOR, and the whole article's by
//    ARTICLE_HISTORICAL_FACTOR when the headline or most conflict sentences are historical; a dated
//    or "years ago" sentence opens a retrospective of up to RETROSPECTIVE_SPAN sentences that ends at
//    a year or a present-time cue;
//  - quotes: terms inside a short quotation (≤ 3 words: names of organisations, films, operations)
//    count SHORT_QUOTE_FACTOR, except chants and calls (`call`: «Уезжайте!», "leave the village");
//    longer quotations keep QUOTE_FACTOR (the words were said, which is itself a signal);
//  - the headline's contributions are multiplied by HEADLINE_FACTOR;
//  - foreign framing: when foreign places (other countries, their cities) outnumber Kazakhstani
//    ones (Kazakhstan, its regions and cities, akims; headline mentions count twice), conflict
//    weight is multiplied by FOREIGN_FACTOR — the monitor watches Kazakhstan;
//  - peace signals add their (negative) weight, a repeated cue PEACE_REPEAT_FACTOR of it. While the
//    article reports escalation (a mobilisation call or a threat that is not negated) their total is
//    capped at PEACE_CAP and only
//    PEACE_ESCALATION_FACTOR of it counts: elders meeting villagers who threaten to block a highway
//    do not cancel the threat, and "аксакалы" plus "совет старейшин" are one signal, not two;
//  - grievance topics (land, water, language, jobs, migrants) count when a group reference is in the
//    same sentence and a conflict term (violence, hostility, mobilisation, rumour) is in the same or
//    an adjacent sentence: "Kazakh volunteers brought water" is no grievance.

import type { Evidence, Severity } from '../types.ts';
import type { Token } from '../text/tokenize.ts';
import type { Match } from './matcher.ts';
import type { LexEntry } from './lexicon.ts';
import { SHORT_SENTENCES } from './classifier.ts';

export const ADJACENT_FACTOR = 0.5;
/** Body sentences that count as next to the headline. */
export const LEAD_SENTENCES = 3;
export const NO_GROUP_FACTOR = 0.15;
/**
 * Factor for a conflict term with no group reference nearby in an article that elsewhere puts a
 * conflict term and a group in one sentence: the story runs along group lines, and its other incident
 * sentences are part of it ("в Шуском районе после ДТП подожгли дома" in the headline, «курды,
 * уезжайте» in the tenth sentence).
 */
export const GROUP_LINES_FACTOR = 0.35;
export const HISTORICAL_FACTOR = 0.3;
/** Violence terms in a sentence that reports an accident (crash, fire, collapse): people died or were hurt, nobody fought. */
export const ACCIDENT_FACTOR = 0.1;
export const ARTICLE_HISTORICAL_FACTOR = 0.5;
export const SHORT_QUOTE_FACTOR = 0.2;
export const QUOTE_FACTOR = 0.9;
export const HEADLINE_FACTOR = 1.5;
export const DENIAL_ABSORB_TOKENS = 2;
/** Conflict weight kept when the article is framed abroad (foreign places outnumber domestic ones). */
export const FOREIGN_FACTOR = 0.35;
/** Most total peace weight an escalating article can have: one cue in the headline, or one and a half in the body. */
export const PEACE_CAP = 1.05;
/** A peace cue said again counts this share of its weight. */
export const PEACE_REPEAT_FACTOR = 0.5;
/** Mobilisation entries at least this heavy mark escalation (calls, protests, road blocks; not "gathered"). */
export const ESCALATING_MOBILISATION = 0.8;
/** Share of the peace weight kept while the article reports escalation (mobilisation, threats). */
export const PEACE_ESCALATION_FACTOR = 0.5;

export const SEVERITY_ORDER: Severity[] = ['none', 'quarrel', 'brawl', 'group_clash', 'pogrom', 'killing'];
const GROUP_CLASH_INDEX = SEVERITY_ORDER.indexOf('group_clash');

export interface SentenceInput {
  text: string;
  /** Offset of the sentence in its source string (title or body). */
  offset: number;
  tokens: Token[];
  matches: Match[];
  isTitle: boolean;
  /** Years written in the sentence (4 digits, 1900–2099). */
  years: number[];
}

/** Numbers the stacker and the tests read. */
export interface RuleFeatures {
  /** Σ co-occurrence-weighted conflict contributions (after negation, history, quotes, headline). */
  conflict: number;
  /** The part of `conflict` from terms with no group reference in or next to their sentence. */
  conflictNoGroup: number;
  /** Σ conflict weights that co-occur with a group in the same sentence. */
  conflictWithGroup: number;
  /** Σ hostility weights (incl. derogatory group forms). */
  hostility: number;
  /**
   * The part of `hostility` one person can aim at another — threats and half-weight words (insults,
   * "animals") with no group in or next to their sentence: an axe threat over a fence is no hostility
   * against a people (see violenceOnly in analyze.ts).
   */
  personalHostility: number;
  /** Distinct groups named (interethnic qualifier counts as one). */
  groups: number;
  /** Interethnic qualifiers outside denials. */
  interethnic: number;
  /** Σ |peace weight| (capped at PEACE_CAP and weakened during escalation). */
  peace: number;
  denials: number;
  negated: number;
  /** Share of conflict-bearing sentences that are historical, 0..1. */
  historical: number;
  /** Index into SEVERITY_ORDER of the strongest co-occurring, non-negated, non-historical violence. */
  severityIndex: number;
  /** Strongest violence tier regardless of group co-occurrence. */
  anySeverityIndex: number;
  /** A live (not negated, not historical, not an accident's) group_clash or pogrom term: a mass brawl, clashes, a riot, arson of homes. */
  groupEvent: boolean;
  mobilisation: number;
  grievanceWithGroup: number;
  /** Foreign share of place mentions (0 when none is foreign). */
  foreign: number;
  /** Foreign places named, headline mentions counted twice. */
  foreignMentions: number;
  domesticMentions: number;
  /** The text has a headline. */
  titled: boolean;
  sentences: number;
  /** An accident story: its headline or lead reports an accident and nobody in it fights or attacks. */
  accidentStory: boolean;
  /** The headline announces a fact-check (`factCheck` entries) and nobody in the article reacts: no call, protest, shout or fight. */
  debunkOnly: boolean;
}

export interface RuleResult {
  features: RuleFeatures;
  evidence: Evidence[];
  /** Σ signed contributions: the rule score before calibration. */
  raw: number;
}

const CONFLICT = new Set(['violence', 'hostility', 'mobilisation', 'rumour']);
const NEGATABLE = new Set(['violence', 'hostility', 'mobilisation', 'rumour', 'grievance']);

/**
 * What an accident explains: deaths and injuries (violence entries marked `outcome`). A fight, an
 * attack or arson in the same sentence ("drivers fought after the crash", "a fire broke out after a
 * crowd attacked…") stays violence.
 */
function accidentOutcome(e: LexEntry): boolean {
  return e.type === 'violence' && e.outcome === true;
}

/**
 * Years before this one are history whatever else the article says: the engine reads news as it
 * arrives, and this release was made in 2026, so an event "в марте 2007 года" is a retrospective
 * even when no later year is named (the engine has no clock: its output must not change with the
 * day it runs). Raise it with the releases.
 */
export const HISTORY_BEFORE_YEAR = 2021;
/** Sentences after one dated before HISTORY_BEFORE_YEAR (or saying "years ago") that continue its retrospective (see scoreRules). */
export const RETROSPECTIVE_SPAN = 3;

const ORIGIN_WORDS = new Set(['уроженец', 'уроженка', 'уроженцы', 'уроженцев', 'уроженца', 'уроженку', 'выходец', 'выходцы', 'выходцев', 'выходца', 'native', 'natives', 'born', 'тумасы', 'тумалары']);

/**
 * Kazakhstan named as an actor or an owner, not as the place of events: "Kazakhstan says no citizens were hurt",
 * "граждан Казахстана", "Қазақстанның СІМ". Foreign news from Kazakh outlets names the country so; an event here
 * is placed with a locative (в Казахстане, Қазақстанда, in Kazakhstan) or a region, a city, an akim.
 */
function countryAsActor(s: SentenceInput, m: Match): boolean {
  const tok = s.tokens[m.start]!.lower;
  if (tok.startsWith('kazakhstan')) {
    const prev = s.tokens[m.start - 1]?.lower;
    return !(prev === 'in' || prev === 'across' || prev === 'throughout');
  }
  if (tok === 'рк' || tok === 'қр' || tok === 'казахстан' || tok === 'казахстана' || tok === 'казахстану' || tok === 'казахстаном' || tok.startsWith('казахстанск')) return true;
  return tok === 'қазақстан' || tok === 'қазақстанның' || tok === 'қазақстанға' || tok === 'қазақстанмен';
}

/** A dateline ("ASTANA –", "АЛМАТЫ.") opening the first body sentence: where the reporter files from. */
function dateline(s: SentenceInput, si: number, m: Match, titled: boolean): boolean {
  if (si !== (titled ? 1 : 0) || m.start > 1) return false;
  const raw = s.tokens[m.start]!.raw;
  return raw.length > 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

/** The place at `start` follows an origin word ("уроженец Дагестана", "выходец из Китая", "a native of Osh"). */
function isOrigin(tokens: Token[], start: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - 2); k--) if (ORIGIN_WORDS.has(tokens[k]!.lower)) return true;
  return false;
}

export function scoreRules(sentences: SentenceInput[]): RuleResult {
  const evidence: Evidence[] = [];
  const n = sentences.length;
  let maxYear = 0;
  for (const s of sentences) for (const y of s.years) if (y > maxYear) maxYear = y;

  // Pass 1: per-sentence facts.
  const hasGroup = new Array<boolean>(n).fill(false);
  const hasConflict = new Array<boolean>(n).fill(false);
  const historical = new Array<boolean>(n).fill(false);
  const accident = new Array<boolean>(n).fill(false);
  const present = new Array<boolean>(n).fill(false);
  const opensRetrospective = new Array<boolean>(n).fill(false);
  const side = new Array<boolean>(n).fill(false);
  const groupsSeen = new Set<string>();
  let foreignMentions = 0;
  let domesticMentions = 0;
  let firstForeign: { text: string; sentence: number } | null = null;
  // Citizenship and origin references ("гражданин Узбекистана", "Өзбекстан азаматы", "a Kyrgyz
  // national", "из Китая": `citizenship: true` in groups.json) are group references only when the article frames the event
  // along group lines: an accident or a crime that names a foreign citizen is not intergroup.
  // A short untitled text (a post, a comment) has no event to frame: its nationality mention is
  // the topic, and it keeps counting.
  // The headline sums up the story: it is "adjacent" to the lead (the first LEAD_SENTENCES body
  // sentences), and the lead to it.
  const titled = n > 0 && sentences[0]!.isTitle;
  const shortPost = !titled && n <= SHORT_SENTENCES;
  // (in an article: a post that lists peoples is about them)
  const mixedSentence = sentences.map((s) => !shortPost && mixedCommunity(s));
  const framed = shortPost || hasGroupFraming(sentences, mixedSentence);
  for (let si = 0; si < n; si++) {
    const s = sentences[si]!;
    for (const m of s.matches) {
      const t = m.entry.type;
      if (t !== 'foreign' && t !== 'domestic') continue;
      // where a person comes from is no place of the story: уроженец Дагестана, выходец из Китая, a native of Osh
      if (t === 'foreign' && isOrigin(s.tokens, m.start)) continue;
      const w = s.isTitle ? 2 : 1;
      if (t === 'foreign') {
        foreignMentions += w;
        firstForeign ??= { text: surface(s, m), sentence: si };
      } else if (!countryAsActor(s, m) && !dateline(s, si, m, titled)) domesticMentions += w;
    }
    for (const m of s.matches) {
      if (m.entry.group && m.entry.type !== 'stop' && !mixedSentence[si] && (framed || !needsFraming(m, s))) {
        hasGroup[si] = true;
        if (!insideDenial(m, s.matches)) groupsSeen.add(m.entry.group);
      }
      // a memory inside a quotation is an argument, not the article's framing ("our grandfathers
      // lived here a hundred years ago", shouted at a meeting about water)
      if (m.entry.type === 'historical' && !s.tokens[m.start]?.quoted) {
        historical[si] = true;
        if (m.entry.past) opensRetrospective[si] = true;
      }
      if (m.entry.type === 'accident') accident[si] = true;
      // "(today Kyzylkairat)", "(ныне …)": a renamed place, not the story's time
      if (m.entry.type === 'present' && !inParentheses(s, m)) present[si] = true;
      if (m.entry.type === 'side') side[si] = true;
    }
    for (const y of s.years) if (y < HISTORY_BEFORE_YEAR || (maxYear > 0 && y < maxYear)) historical[si] = true;
  }
  const sidesStory = groupsSeen.size === 0 && side.includes(true);
  /** The sentence names years, all before HISTORY_BEFORE_YEAR, and no present-time cue. */
  const datedBack = (si: number): boolean => {
    const ys = sentences[si]!.years;
    return ys.length > 0 && ys.every((y) => y < HISTORY_BEFORE_YEAR) && !present[si];
  };
  // A body sentence that dates its story in the past ("В марте 2007 года …", "five years ago": `past`
  // entries) is followed by the story itself: up to RETROSPECTIVE_SPAN sentences after it continue the
  // retrospective, until one names a year of its own or a present-time cue (вчера, бүгін: `present`).
  for (let si = 0; si < n; si++) {
    const s = sentences[si]!;
    if (s.isTitle) continue;
    // A year opens one unless the sentence is itself about today ("Вчера в селе, где в 2007 году …");
    // an anniversary, a verdict or "years ago" opens one even then ("on Monday … marking the
    // anniversary of the 1986 protest. The protests were suppressed …").
    if (!datedBack(si) && !opensRetrospective[si]) continue;
    for (let k = si + 1; k <= si + RETROSPECTIVE_SPAN && k < n; k++) {
      if (sentences[k]!.years.length > 0 || present[k]) break;
      historical[k] = true;
    }
  }
  // A headline dated years back ("a teacher remembers December 1986", "Малиновое-2007: как это было") makes the
  // article a memory: every sentence that names no present time and no recent year is history.
  if (titled && datedBack(0)) {
    for (let si = 1; si < n; si++) if (!present[si] && sentences[si]!.years.every((y) => y < HISTORY_BEFORE_YEAR)) historical[si] = true;
  }
  // An accident story (its headline or lead reports one) in which nobody is said to fight or
  // attack: every death and injury it reports is the accident's, also in the follow-up sentences.
  const accidentStory = n > 0 && (accident[0] || (n > 1 && accident[1])) && sentences.every((s) => s.matches.every((m) => m.entry.type !== 'violence' || accidentOutcome(m.entry)));
  if (accidentStory) accident.fill(true);
  // Deaths and injuries in an accident's sentence are no conflict (nor grievances' context).
  for (let si = 0; si < n; si++) {
    for (const m of sentences[si]!.matches) if (CONFLICT.has(m.entry.type) && !(accident[si] && accidentOutcome(m.entry))) hasConflict[si] = true;
  }

  // The story runs along group lines when one sentence puts a group beside a conflict term or a
  // grievance topic ("двух сёл – одного, где живут уйгуры, и другого, казахского – не могут
  // договориться о графике полива").
  // Not when the conflict term is negated ("no conflicts between staff") or the grievance is the
  // group's own words ("foreign workers" is both).
  let groupLines = false;
  for (let si = 0; si < n && !groupLines; si++) {
    if (!hasGroup[si]) continue;
    const ms = sentences[si]!.matches;
    const negs = ms.filter((m) => m.entry.type === 'negation' && (m.entry.scope ?? 4) > 0);
    for (const m of ms) {
      if (CONFLICT.has(m.entry.type) && !(accident[si] && accidentOutcome(m.entry)) && (m.entry.type === 'rumour' || !negatedBy(m, negs, sentences[si]!))) groupLines = true;
      else if (m.entry.type === 'grievance' && !ms.some((g) => g.entry.type === 'group' && g.start < m.end && m.start < g.end)) groupLines = true;
    }
  }

  const f: RuleFeatures = {
    conflict: 0, conflictNoGroup: 0, conflictWithGroup: 0, hostility: 0, personalHostility: 0, groups: groupsSeen.size, interethnic: 0, peace: 0, denials: 0,
    negated: 0, historical: 0, severityIndex: 0, anySeverityIndex: 0, groupEvent: false, mobilisation: 0, grievanceWithGroup: 0, foreign: 0, foreignMentions: 0, domesticMentions: 0, titled, sentences: n, accidentStory, debunkOnly: false,
  };
  let raw = 0;
  let peaceSum = 0;
  let escalation = false;
  const peaceEvidence: Evidence[] = [];
  const peaceSeen = new Set<LexEntry>();
  let reacted = false;
  let conflictSentences = 0;
  let historicalConflictSentences = 0;
  let titleHistorical = false;

  for (let si = 0; si < n; si++) {
    const s = sentences[si]!;
    const toks = s.tokens;
    if (s.matches.length === 0) continue;
    const negations: Match[] = [];
    const denials: Match[] = [];
    for (const m of s.matches) {
      if (m.entry.type === 'negation' && (m.entry.scope ?? 4) > 0) negations.push(m);
      else if (m.entry.type === 'denial') denials.push(m);
    }
    const headline = s.isTitle ? HEADLINE_FACTOR : 1;
    const histF = historical[si] ? HISTORICAL_FACTOR : 1;
    let sentenceHasConflict = false;
    let quoteNoted = false;
    let hedged: boolean | undefined;
    let penal: boolean | undefined;

    for (const m of s.matches) {
      const e = m.entry;
      const text = surface(s, m);
      switch (e.type) {
        case 'group':
          if (e.group === 'interethnic' && !overlapsAny(m, denials)) f.interethnic++;
          pushEvidence(evidence, 'group', text, si, !mixedSentence[si] && (framed || !needsFraming(m, s)) ? e.weight * headline : 0);
          continue;
        case 'peace': {
          // "қаланың тыныштығын … оқиға бұзды", "нарушил спокойствие": the peace was broken
          if (brokenAfter(toks, m.end)) continue;
          // summed, capped and weighed against escalation after the loop; a cue said again counts
          // PEACE_REPEAT_FACTOR (a city-day report saying "мереке" five times is not five festivals)
          const w = Math.abs(e.weight) * headline * (peaceSeen.has(e) ? PEACE_REPEAT_FACTOR : 1);
          peaceSeen.add(e);
          peaceSum += w;
          const ev: Evidence = { type: 'peace', text, sentence: si, weight: -w };
          evidence.push(ev);
          peaceEvidence.push(ev);
          continue;
        }
        case 'denial':
          f.denials++;
          raw += e.weight;
          pushEvidence(evidence, 'denial', text, si, e.weight);
          continue;
        case 'historical':
          pushEvidence(evidence, 'historical', text, si, e.weight);
          continue;
        case 'accident':
          pushEvidence(evidence, 'accident', text, si, 0);
          continue;
        case 'negation':
          if ((e.scope ?? 4) > 0) pushEvidence(evidence, 'negation', text, si, 0);
          continue;
        case 'quote':
        case 'foreign':
        case 'domestic':
        case 'present':
        case 'side':
          continue;
        default:
          break;
      }
      if (!NEGATABLE.has(e.type)) continue;
      // Absorbed by a denial right before it ("not an ethnic conflict")?
      if (e.type === 'violence' && absorbedByAny(m, denials, toks)) continue;
      // A denied rumour was still a rumour ("полиция опровергла слухи"): what the denial negates is
      // its content, the attack or the kidnapping, not that people spread it.
      if (e.type !== 'rumour' && negatedBy(m, negations, s)) {
        f.negated++;
        pushEvidence(evidence, 'negation', text, si, -e.weight);
        continue;
      }
      const selfGroup = Boolean(e.group);
      const coFactor = selfGroup || hasGroup[si] ? 1 : nextToFlagged(si, hasGroup, titled) ? ADJACENT_FACTOR : groupLines ? GROUP_LINES_FACTOR : NO_GROUP_FACTOR;
      let quoteF = 1;
      const tok = toks[m.start]!;
      if (tok.quoted) {
        let qlen = 0;
        for (const t of toks) if (t.quoteId === tok.quoteId) qlen++;
        quoteF = qlen <= 3 && !e.call ? SHORT_QUOTE_FACTOR : QUOTE_FACTOR;
        if (!quoteNoted) {
          evidence.push({ type: 'quote', text: text, sentence: si, weight: 0 });
          quoteNoted = true;
        }
      }
      if (e.type === 'grievance') {
        if (hasGroup[si] && (hasConflict[si] || nextToFlagged(si, hasConflict, titled))) {
          const w = e.weight * histF * quoteF * headline;
          f.grievanceWithGroup += w;
          raw += w;
          pushEvidence(evidence, 'grievance', text, si, w);
        }
        continue;
      }
      const accF = accident[si] && accidentOutcome(e) ? ACCIDENT_FACTOR : 1;
      // what a call demands ("call for violence against", "призывы к выселению"), or a penalty clause of
      // the law ("punishable … when committed with the use of violence"): said, not done
      const called = e.type === 'violence' && (calledFor(toks, m) || (penal ??= penaltyClause(toks)));
      const w = e.weight * coFactor * histF * quoteF * headline * accF;
      raw += w;
      f.conflict += w;
      // A mass brawl, clashes, a riot or a pogrom are group events even with no people named (officials
      // avoid naming them): they do not count as conflict "with no group", which the stacker weighs down.
      if (coFactor === NO_GROUP_FACTOR && !(e.type === 'violence' && e.severity && SEVERITY_ORDER.indexOf(e.severity) >= GROUP_CLASH_INDEX)) f.conflictNoGroup += w;
      if (coFactor === 1) f.conflictWithGroup += e.weight * histF * quoteF * accF;
      if (e.type === 'hostility') {
        f.hostility += e.weight * quoteF;
        if (!selfGroup && coFactor < ADJACENT_FACTOR && (e.threat || e.weight < 1)) f.personalHostility += e.weight * quoteF;
      }
      if (e.type === 'mobilisation' || e.type === 'rumour') f.mobilisation += w;
      // people reacted: a real call or protest (not a generic "gathered"), a shouted call, panic, a fight
      // (not a "dispute": a fact-check says the video's context was disputed)
      // (not a fight the claim itself reports: "a video passed off as a brawl with migrants", "якобы")
      // (and not in a retrospective: the rallies of 2016 were no reaction to today's post)
      if (!historical[si] && ((e.type === 'mobilisation' && e.weight >= ESCALATING_MOBILISATION) || e.call || e.reaction || (e.type === 'violence' && !e.outcome && !called && e.severity !== 'quarrel' && !(hedged ??= hedgedSentence(s))))) reacted = true;
      // a call, a protest, a road block or a threat; not a generic "gathered" (half-weight entries)
      if ((e.type === 'mobilisation' && e.weight >= ESCALATING_MOBILISATION) || e.threat) escalation = true;
      // so is a clash between groups that happened: elders meeting after a mass brawl between local
      // and Chechen youths are the response to it, not a sign that nothing happened
      if (e.type === 'violence' && e.severity && SEVERITY_ORDER.indexOf(e.severity) >= GROUP_CLASH_INDEX && coFactor >= ADJACENT_FACTOR && !historical[si] && accF === 1) escalation = true;
      if (e.type === 'violence' && e.severity && quoteF > SHORT_QUOTE_FACTOR && !called) {
        const idx = SEVERITY_ORDER.indexOf(e.severity);
        if (!historical[si] && accF === 1) {
          f.anySeverityIndex = Math.max(f.anySeverityIndex, idx);
          // fans of two clubs clashing outside a stadium are two sides, not two peoples
          // and an article about fans that names no people at all is about them throughout ("the
          // club condemned the violence")
          const sidesOnly = !hasGroup[si] && (side[si] || nextToFlagged(si, side, titled) || sidesStory);
          if ((idx === GROUP_CLASH_INDEX || e.severity === 'pogrom') && !sidesOnly) f.groupEvent = true;
          if (coFactor >= ADJACENT_FACTOR) f.severityIndex = Math.max(f.severityIndex, idx);
        }
      }
      sentenceHasConflict = true;
      pushEvidence(evidence, e.type as Evidence['type'], text, si, w);
    }
    if (sentenceHasConflict) {
      conflictSentences++;
      if (historical[si]) historicalConflictSentences++;
      if (s.isTitle && historical[si]) titleHistorical = true;
    }
  }
  if (peaceSum > 0) {
    const peace = escalation ? Math.min(peaceSum, PEACE_CAP) * PEACE_ESCALATION_FACTOR : peaceSum;
    const k = peace / peaceSum;
    f.peace = peace;
    raw -= peace;
    for (const ev of peaceEvidence) ev.weight = round(ev.weight * k);
  }
  f.historical = conflictSentences ? historicalConflictSentences / conflictSentences : 0;
  // A fact-check of a claim nobody acted on: the rumour and the hostility it quotes are what it debunks.
  f.debunkOnly = titled && factCheckHeadline(sentences[0]!) && !reacted;
  f.foreignMentions = foreignMentions;
  f.domesticMentions = domesticMentions;
  if (foreignMentions > 0) {
    f.foreign = foreignMentions / (foreignMentions + domesticMentions);
    if (f.foreign > 0.5 && f.conflict > 0) {
      const before = raw;
      f.conflict *= FOREIGN_FACTOR;
      f.conflictNoGroup *= FOREIGN_FACTOR;
      f.conflictWithGroup *= FOREIGN_FACTOR;
      raw = raw > 0 ? raw * FOREIGN_FACTOR : raw;
      evidence.push({ type: 'foreign', text: firstForeign!.text, sentence: firstForeign!.sentence, weight: round(raw - before) });
    }
  }
  if (titleHistorical || f.historical > 0.5) {
    const damp = ARTICLE_HISTORICAL_FACTOR;
    f.conflict *= damp;
    f.conflictNoGroup *= damp;
    f.conflictWithGroup *= damp;
    raw = raw > 0 ? raw * damp : raw;
  }
  return { features: f, evidence, raw };
}

/**
 * Words that make the violence term after them (or, in Kazakh, before them) the content of a call:
 * "call for violence", "called for the expulsion of", "призывы к насилию", "зорлық-зомбылыққа шақыру".
 */
const CALL_BEFORE = /^(call|calls|called|calling|urge|urged|urging|incite|incited|inciting|incitement|advocat|призыв|призва|подстрек|склоня)/;
const CALL_AFTER = /^(шақыр|шакыр|үнде|унде)/;
/** Tokens between a call word and the violence it demands ("call for [the] violence", "призывы к"). */
const CALL_WINDOW = 3;

function calledFor(toks: Token[], m: Match): boolean {
  for (let k = m.start - 1; k >= Math.max(0, m.start - CALL_WINDOW); k--) if (CALL_BEFORE.test(toks[k]!.lower)) return toks[k]!.clause === toks[m.start]!.clause;
  const after = toks[m.end];
  return after !== undefined && CALL_AFTER.test(after.lower);
}

/** Words of a penalty clause: the law describes what it punishes (карается, жазаланады, punishable). */
const PENALTY = /^(punishable|карает|караетс|караютс|наказываетс|наказываютс|жазаланад|жазалана)/;

function penaltyClause(toks: Token[]): boolean {
  for (const t of toks) if (PENALTY.test(t.lower)) return true;
  return false;
}

/**
 * Headline labels of a fact-check, an explainer or a survey, before a colon: "Фейк: …", "Fake: …", "Explainer: …",
 * "Жалған: …", "Сауалнама: …" (a survey reports what people think, not what happened).
 */
const GENRE_LABELS = new Set([
  'фейк', 'fake', 'жалған', 'жалган', 'zhalgan', 'jalğan', 'explainer', 'explained', 'разбор', 'объясняем', 'түсіндірме', 'тусиндирме',
  'сауалнама', 'saualnama', 'опрос', 'survey', 'poll',
]);

/** The headline announces a fact-check, an explainer or a survey: a `factCheck` entry, a genre label, or a denied claim. */
function factCheckHeadline(title: SentenceInput): boolean {
  if (title.matches.some((m) => m.entry.factCheck === true)) return true;
  const first = title.tokens[0];
  if (first && GENRE_LABELS.has(first.lower) && /^\s*:/.test(title.text.slice(first.end - title.offset))) return true;
  return deniedClaim(title);
}

/** A denial verb in the headline and what it denies: a claim in quotes, posts, reports, information. */
const DENY_VERB = /^(deny|denies|denied|refute|refutes|refuted|опроверг|опровергл|опровергает|опровергают|жоққа|теріске)/;
const CLAIM_NOUN = /^(posts?|reports?|claims?|rumou?rs?|information|информаци|сообщени|публикаци|слух|ақпарат|хабар)/;

/**
 * "Border service denies 'mass fight' at checkpoint", "Полиция опровергла информацию о драке", "…ақпаратты жоққа
 * шығарды": the headline denies a claim, not a motive ("police deny an ethnic motive" names no claim).
 */
function deniedClaim(title: SentenceInput): boolean {
  const toks = title.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (!DENY_VERB.test(toks[i]!.lower)) continue;
    // a quotation right after the verb (the tokeniser takes ' for an apostrophe, so the text is read)
    if (/^\s*["«“‘']/.test(title.text.slice(toks[i]!.end - title.offset))) return true;
    for (let k = Math.max(0, i - 3); k < Math.min(toks.length, i + 4); k++) if (k !== i && CLAIM_NOUN.test(toks[k]!.lower)) return true;
  }
  return false;
}

/** English nouns for one person that a people's name can qualify: "a Chinese foreman", "an Uzbek worker". */
const EN_ONE_PERSON = new Set([
  'worker', 'foreman', 'driver', 'trader', 'vendor', 'seller', 'student', 'man', 'woman', 'boxer', 'wrestler', 'fighter',
  'player', 'engineer', 'welder', 'supervisor', 'passenger', 'courier', 'teenager', 'neighbour', 'neighbor', 'tenant',
  'landlord', 'businessman', 'shopkeeper', 'farmer', 'specialist', 'contractor', 'employee', 'colleague', 'labourer',
  'laborer', 'builder', 'mechanic', 'cook', 'guard', 'opponent', 'patient', 'nurse', 'teacher', 'pupil', 'manager',
]);

/**
 * A people's name that qualifies one person ("a Chinese shift foreman", "his Uzbek opponent", "китайский мастер",
 * "қытайлық шебер"): one person of a people, like a citizenship, is a group reference only when the article frames
 * events along group lines (hasGroupFraming) — a fight between a driver and a Chinese foreman over overtime is two
 * people's quarrel.
 */
export function onePerson(m: Match, s: SentenceInput): boolean {
  const e = m.entry;
  if (e.type !== 'group' || e.citizenship || !e.group || ONE_PERSON_SKIP.has(e.group) || m.end - m.start !== 1) return false;
  const next = s.tokens[m.end];
  if (m.lang === 'en') {
    for (let k = m.end; k < Math.min(s.tokens.length, m.end + 2); k++) if (EN_ONE_PERSON.has(s.tokens[k]!.lower)) return true;
    return false;
  }
  if (!next) return false;
  // китайский мастер, узбекского рабочего (a singular adjective; not -им/-ым, which are also plural)
  if (m.lang === 'ru') {
    const adj = s.tokens[m.start]!.lower;
    if (!RU_ONE_PERSON.test(next.lower)) return false;
    // -им/-ым is also plural (китайским рабочим): singular only before an instrumental singular noun (мастером)
    return RU_SINGULAR_ADJ.test(adj) || (/(им|ым)$/.test(adj) && /(ом|ем|ой|ей)$/.test(next.lower));
  }
  // қытайлық шебер, өзбек жұмысшысы (the head noun carries no plural suffix)
  return KK_ONE_PERSON.test(next.lower);
}
const RU_SINGULAR_ADJ = /(ий|ый|ого|его|ому|ему|ая|яя|ую|юю|ой)$/;
const RU_ONE_PERSON =
  /^(рабоч(ий|его|ему|ем)|мастер(а|у|ом|е)?|водител(ь|я|ю|ем|е)|продав(ец|ца|цу|цом|це)|торгов(ец|ца|цу|цом|це)|студент(а|у|ом|е)?|студентк(а|и|у|ой|е)|мужчин(а|ы|е|у|ой)|женщин(а|ы|е|у|ой)|бокс[её]р(а|у|ом|е)?|бор(ец|ца|цу|цом|це)|игрок(а|у|ом|е)?|инженер(а|у|ом|е)?|сварщик(а|у|ом|е)?|пассажир(а|у|ом|е)?|курьер(а|у|ом|е)?|подрост(ок|ка|ку|ком|ке)|пар(ень|ня|ню|нем|не)|сосед(а|у|ом|е)?|таксист(а|у|ом|е)?|прораб(а|у|ом|е)?|бригадир(а|у|ом|е)?|охранник(а|у|ом|е)?|пациент(а|у|ом|е)?|пациентк(а|и|у|ой|е)|соперник(а|у|ом|е)?|предпринимател(ь|я|ю|ем|е)|фермер(а|у|ом|е)?|специалист(а|у|ом|е)?|сотрудник(а|у|ом|е)?|работник(а|у|ом|е)?)$/;
const KK_ONE_PERSON = /^(жұмысшы|шебер|жүргізуші|саудагер|студент|көрші|бригадир|маман|кәсіпкер|оқушы|жолаушы|қарсылас|боксшы|балуан|ойыншы|науқас|жігіт)(?!\S*(тар|тер|дар|дер|лар|лер))/;
const ONE_PERSON_SKIP = new Set(['foreigner', 'migrant_group', 'interethnic', 'generic']);

/** A citizenship or origin reference ("гражданин Узбекистана", "a Kyrgyz national", "из Китая"). */
export function isCitizenship(m: Match): boolean {
  return m.entry.citizenship === true;
}

/** A group reference that counts only where the article frames events along group lines: a citizenship or one person of a people. */
function needsFraming(m: Match, s: SentenceInput): boolean {
  return isCitizenship(m) || onePerson(m, s);
}

/**
 * Does the article frame events along group lines? A hostility, mobilisation or rumour term that is
 * not negated (hate posts, calls to expel, crowds, rumours, "на почве национальной неприязни"), an
 * interethnic qualifier outside a denial, a derogatory form, or a people named by an ethnonym or as
 * migrants (any group but citizenship and the generic "nationality"). Without it, a foreign
 * citizen in an accident or crime report is no group reference.
 */
export function hasGroupFraming(sentences: SentenceInput[], mixed: readonly boolean[]): boolean {
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    let negations: Match[] | null = null;
    for (const m of s.matches) {
      const e = m.entry;
      if (e.type === 'stop') continue;
      if (e.type === 'group') {
        // a mixed community's list of peoples (mixedCommunity)
        if (mixed[si]) continue;
        // citizenship, and foreigners named as such ("foreign workers", иностранцы): one side only
        // when the sentence sets them against another ("between locals and foreign workers")
        if (e.citizenship || e.group === 'foreigner') {
          if (twoSided(m, s)) return true;
          continue;
        }
        // a people's name qualifying one person ("a Chinese shift foreman") is like a citizenship
        if (onePerson(m, s)) continue;
        if (e.group === 'generic') continue;
        if (e.group === 'interethnic' && insideDenial(m, s.matches)) continue;
        return true;
      }
      if (e.type !== 'hostility' && e.type !== 'mobilisation' && e.type !== 'rumour') continue;
      // a generic "gathered" (a half-weight entry) is no framing: pickers gather at a reception point
      if (e.type === 'mobilisation' && e.weight < ESCALATING_MOBILISATION && !e.call) continue;
      // nor a threat: a drunk patient threatening a surgeon is one man's crime
      if (e.threat) continue;
      // nor a hedge: "allegedly owed the victim money" in a court report
      if (e.hedge) continue;
      negations ??= s.matches.filter((x) => x.entry.type === 'negation' && (x.entry.scope ?? 4) > 0);
      if (!negatedBy(m, negations, s)) return true;
    }
  }
  return false;
}

/** Distinct peoples a sentence must list to describe a mixed community rather than sides. */
export const MIXED_PEOPLES = 3;

/**
 * The sentence lists three or more peoples and reports no conflict or hostility: a mixed community ("a
 * petition signed by Kazakhs, Russians, Uighurs and Turks", "в селе живут казахи, русские, уйгуры и турки",
 * a language course of Russians, Tatars, Germans and Koreans), everyone on one side. Its ethnonyms are no
 * group reference: a protest over a pasture is not about peoples because the petition lists them.
 */
function mixedCommunity(s: SentenceInput): boolean {
  let peoples: string[] | null = null;
  for (const m of s.matches) {
    const e = m.entry;
    if (CONFLICT.has(e.type)) return false;
    if (e.type !== 'group' || !e.group || e.citizenship || ONE_PERSON_SKIP.has(e.group)) continue;
    peoples ??= [];
    if (!peoples.includes(e.group)) peoples.push(e.group);
  }
  return peoples !== null && peoples.length >= MIXED_PEOPLES;
}

/** "between" words: a fight between two sides. */
const BETWEEN_BEFORE = new Set(['между', 'between']);
const BETWEEN_AFTER = new Set(['арасында', 'арасындағы', 'арасындагы']);
/** Tokens between "между"/"between" and the citizenship reference, or after it to "арасында". */
export const BETWEEN_WINDOW = 5;

/**
 * A citizenship reference as one side of a fight in the same sentence: "массовая драка между
 * местными жителями и гражданами Узбекистана", "a clash between locals and citizens of Kyrgyzstan",
 * "жергілікті тұрғындар мен Өзбекстан азаматтары арасында төбелес".
 */
function twoSided(m: Match, s: SentenceInput): boolean {
  // one person is no side: "a local man and a citizen of Uzbekistan hit each other" is a quarrel
  // between two people, "locals and citizens of Uzbekistan" are two groups
  for (let k = m.start; k < m.end; k++) if (SINGLE_PERSON.has(s.tokens[k]!.lower)) return false;
  let fight = false;
  for (const x of s.matches) if (x.entry.type === 'violence' && FIGHT_TIERS.has(x.entry.severity ?? 'none')) fight = true;
  if (!fight) return false;
  const toks = s.tokens;
  for (let k = Math.max(0, m.start - BETWEEN_WINDOW); k < m.start; k++) if (BETWEEN_BEFORE.has(toks[k]!.lower)) return true;
  for (let k = m.end; k < Math.min(toks.length, m.end + BETWEEN_WINDOW); k++) if (BETWEEN_AFTER.has(toks[k]!.lower)) return true;
  // "местные жители и граждане Узбекистана подрались", "foreign workers and locals clashed"
  if (m.start > 0 && CONJUNCTIONS.has(toks[m.start - 1]!.lower)) return true;
  if (m.end < toks.length && CONJUNCTIONS.has(toks[m.end]!.lower)) return true;
  return false;
}
/** Singular heads of citizenship and origin references (not "гражданки", which is also a plural). */
const SINGLE_PERSON = new Set([
  'гражданин', 'гражданина', 'гражданину', 'гражданином', 'гражданине', 'гражданка', 'гражданку', 'гражданкой', 'гражданке',
  'уроженец', 'уроженца', 'уроженцу', 'уроженцем', 'уроженка', 'уроженку', 'выходец', 'выходца', 'выходцу', 'выходцем',
  'иностранец', 'иностранца', 'иностранцу', 'иностранцем', 'иностранка', 'иностранку',
  'citizen', 'national', 'native', 'foreigner',
  'азаматы', 'азаматын', 'азаматына', 'азаматымен', 'азаматының', 'азаматында', 'азаматша', 'азаматшасы', 'azamaty', 'azamatyn', 'azamatyna',
]);
/** Violence between two sides: a fight or a clash. */
const FIGHT_TIERS = new Set<string>(['brawl', 'group_clash']);
const CONJUNCTIONS = new Set(['и', 'с', 'со', 'and', 'with', 'мен', 'бен', 'пен', 'men', 'ben', 'pen', 'және']);

/** Is sentence si next to a flagged sentence (the headline is next to the lead sentences)? */
function nextToFlagged(si: number, flags: boolean[], titled: boolean): boolean {
  const n = flags.length;
  if ((si > 0 && flags[si - 1]) || (si + 1 < n && flags[si + 1])) return true;
  if (!titled) return false;
  if (si === 0) {
    for (let k = 1; k <= LEAD_SENTENCES && k < n; k++) if (flags[k]) return true;
    return false;
  }
  return si <= LEAD_SENTENCES && flags[0]!;
}

/**
 * The sentence hedges what it reports (якобы, allegedly, выдавали за, purports to show), describes what a video or
 * a post shows (it shows, на видео, видеода: `claim` entries) or gives a fact-check's
 * verdict on it (Видео «массовой драки» оказалось снятым за рубежом): a claim, not an event.
 */
function hedgedSentence(s: SentenceInput): boolean {
  for (const m of s.matches) if (m.entry.hedge || m.entry.factCheck || m.entry.claim) return true;
  return false;
}

function insideDenial(m: Match, matches: Match[]): boolean {
  for (const d of matches) if (d.entry.type === 'denial' && m.start >= d.start && m.end <= d.end) return true;
  return false;
}

function overlapsAny(m: Match, spans: Match[]): boolean {
  for (const d of spans) if (overlaps(m, d)) return true;
  return false;
}

function absorbedByAny(m: Match, denials: Match[], toks: Token[]): boolean {
  for (const d of denials) if (absorbedByDenial(m, d, toks)) return true;
  return false;
}

/** Inside the scope of a negation cue, in the same clause (forward-only cues look right only). */
function negatedBy(m: Match, negations: Match[], s: SentenceInput): boolean {
  const toks = s.tokens;
  for (const ng of negations) {
    const scope = ng.entry.scope ?? 4;
    if (toks[m.start]!.clause !== toks[ng.start]!.clause) {
      // "no mass fights, interethnic incidents or serious crimes were recorded": the cue negates the whole list
      if (m.start >= ng.end ? inNegatedList(s, ng.end, m.start) : !ng.entry.forward && m.end <= ng.start && inNegatedList(s, m.start, ng.start - 1)) return true;
      continue;
    }
    if (ng.entry.forward ? m.start >= ng.end && m.start < ng.end + scope : m.end > ng.start - scope && m.start < ng.end + scope) return true;
  }
  return false;
}

/** Words that join the last item of a list: "… or serious crimes", "… и тяжких преступлений", "… немесе ауыр қылмыстар". */
const LIST_CONJUNCTIONS = new Set(['and', 'or', 'nor', 'и', 'или', 'либо', 'ни', 'мен', 'бен', 'пен', 'және', 'немесе', 'не', 'men', 'ben', 'pen', 'jäne', 'jane', 'nemese']);
/** Most words in one item of a negated list. */
const LIST_ITEM_TOKENS = 3;

/**
 * Tokens a..b (a before b, in different clauses) lie in one list of short items joined by commas and a
 * conjunction: "no [mass fights], [interethnic incidents] or [serious crimes]", "[жаппай төбелес],
 * [ұлтаралық оқиға] немесе [ауыр қылмыс] тіркелген жоқ". A comma after a clause with a verb in it ("no
 * clashes were reported, and police said…") ends the list: its item is longer than LIST_ITEM_TOKENS.
 */
function inNegatedList(s: SentenceInput, a: number, b: number): boolean {
  const toks = s.tokens;
  let item = 0;
  let conj = false;
  // a comma followed by an item, not by a conjunction: "No one was hurt, and the fight…" joins two clauses
  let listComma = false;
  for (let k = a; k <= b; k++) {
    if (k > a && toks[k]!.clause !== toks[k - 1]!.clause) {
      // only commas separate the items (not a semicolon, a colon, a dash or "but")
      const gap = s.text.slice(toks[k - 1]!.end - s.offset, toks[k]!.start - s.offset).trim();
      if (gap !== ',' || toks[k]!.word.clauseWord) return false;
      if (!LIST_CONJUNCTIONS.has(toks[k]!.lower)) listComma = true;
      item = 0;
    }
    if (LIST_CONJUNCTIONS.has(toks[k]!.lower)) {
      conj = true;
      item = 0;
      continue;
    }
    if (++item > LIST_ITEM_TOKENS) return false;
  }
  // the list is closed by a conjunction before its last item
  for (let k = b + 1; k < Math.min(toks.length, b + 1 + LIST_ITEM_TOKENS) && !conj; k++) if (LIST_CONJUNCTIONS.has(toks[k]!.lower)) conj = true;
  return conj && listComma;
}

/** "конфликт не носит межнационального характера", "not an ethnic conflict": the denied noun. */
function absorbedByDenial(m: Match, d: Match, toks: Token[]): boolean {
  const after = m.start >= d.end && m.start - d.end < DENIAL_ABSORB_TOKENS;
  const before = m.end <= d.start && d.start - m.end < DENIAL_ABSORB_TOKENS + 1;
  if (!after && !before) return false;
  return toks[m.start]!.clause === toks[after ? d.end - 1 : d.start]!.clause;
}

function overlaps(a: Match, b: Match): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Verbs that break a peace named before them in the sentence (kk бұзды, ru нарушил, en disturbed). */
const PEACE_BROKEN_RE = /^(бұзд|бұзыл|бузд|бузыл|нарушил|нарушен|disturbed|shattered|broke|broken)/;
function brokenAfter(toks: Token[], from: number): boolean {
  for (let k = from; k < toks.length; k++) if (PEACE_BROKEN_RE.test(toks[k]!.lower)) return true;
  return false;
}

/** Whether a match sits inside an unclosed "(" of its sentence. */
function inParentheses(s: SentenceInput, m: Match): boolean {
  const before = s.text.slice(0, s.tokens[m.start]!.start - s.offset);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}

function surface(s: SentenceInput, m: Match): string {
  const a = s.tokens[m.start]!.start - s.offset;
  const b = s.tokens[m.end - 1]!.end - s.offset;
  return s.text.slice(a, b);
}

function pushEvidence(out: Evidence[], type: Evidence['type'], text: string, sentence: number, weight: number): void {
  out.push({ type, text, sentence, weight: round(weight) });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
