// Near-duplicate detection for syndicated copies of one story across outlets.
//
// storyFingerprint = 64-bit SimHash (16 hex digits):
//   normalisation: NFKC, lower case, ё→е, punctuation and digit-only tokens dropped, stop words
//   (ru/kk/en function words) dropped, each word cut to its first 5 letters (a crude stemmer that
//   absorbs Russian/Kazakh inflection: "забастовка"/"забастовку" → "забас").
//   features: stems weighted by length (longer words are rarer and carry the story: names of
//   places, organisations) plus word 2-shingles (weight 1); each hashed with the first 8 bytes of MD5.
//   The headline is left out when the text has ≥ 30 words: outlets rewrite headlines far more
//   than bodies. Short texts use headline + text.
//
// Threshold. Measured on the reworded copies in fingerprint.test.ts (~100-word Russian news
// bodies, light edits, other headline, a dropped closing sentence) copies are 5–9 bits apart,
// different stories on the same topic 23+ bits, unrelated texts ≈ 32 ± 4. A 64-bit SimHash of
// short news texts cannot keep light edits within 3 bits, so SAME_STORY_MAX_DISTANCE is 10.
// fingerprintBands() therefore returns 11 bands (6/6/6/6/6/6/6/6/6/5/5 bits): distance ≤ 10
// guarantees at least one identical band (pigeonhole), so an exact band lookup finds every
// candidate; isSameStory() then checks the real distance.
import { createHash } from 'node:crypto';

export const SAME_STORY_MAX_DISTANCE = 10;
const STEM_LENGTH = 5;
const HEADLINE_SKIP_MIN_WORDS = 30;

const STOP_WORDS = new Set(
  (
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это также года году время заявил сообщает сообщил сообщили отметил ' +
    'және мен да де бен пен бұл сол ол олар біз сіз мен үшін деп еді екен бар жоқ ' +
    'the a an and or of to in on at for with by from as is are was were be been it its this that these those has have had not but said says'
  ).split(/\s+/),
);

/** Normalised word stems of a text (see header). Exported for tests and diagnostics. */
export function normaliseWords(text: string): string[] {
  const t = text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
  const words = t.match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (/^\p{N}+$/u.test(w)) continue;
    if (STOP_WORDS.has(w) || w.length < 2) continue;
    out.push(w.slice(0, STEM_LENGTH));
  }
  return out;
}

// md5 per feature, read as two 32-bit halves: the same bits as a 64-bit big-endian value, but summed
// with plain number arithmetic (BigInt shifts made this the slowest step of ingestion).
function simhash(features: Map<string, number>): string {
  const v = new Float64Array(64);
  for (const [f, w] of features) {
    const d = createHash('md5').update(f).digest();
    const hi = d.readUInt32BE(0);
    const lo = d.readUInt32BE(4);
    for (let i = 0; i < 32; i++) {
      v[i]! += (lo >>> i) & 1 ? w : -w;
      v[i + 32]! += (hi >>> i) & 1 ? w : -w;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < 32; i++) {
    if (v[i]! > 0) lo |= 1 << i;
    if (v[i + 32]! > 0) hi |= 1 << i;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** 64-bit SimHash of title + text as 16 lower-case hex digits. */
export function storyFingerprint(title: string, text: string): string {
  const bodyWords = normaliseWords(text ?? '');
  const words = bodyWords.length >= HEADLINE_SKIP_MIN_WORDS ? bodyWords : normaliseWords(`${title ?? ''}\n${text ?? ''}`);
  const features = new Map<string, number>();
  const add = (f: string, w: number) => features.set(f, (features.get(f) ?? 0) + w);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    add(`1:${w}`, Math.max(1, w.length - 2));
    if (i + 1 < words.length) add(`2:${words[i]} ${words[i + 1]}`, 1);
  }
  return simhash(features);
}

export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

export function isSameStory(a: string, b: string, maxDistance: number = SAME_STORY_MAX_DISTANCE): boolean {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) return false;
  return hammingDistance(a, b) <= maxDistance;
}

/** Bit widths of the bands: SAME_STORY_MAX_DISTANCE + 1 bands covering all 64 bits. */
export const BAND_BITS: readonly number[] = (() => {
  const n = SAME_STORY_MAX_DISTANCE + 1;
  return Array.from({ length: n }, (_, i) => Math.floor(64 / n) + (i < 64 % n ? 1 : 0));
})();

/**
 * The fingerprint cut into SAME_STORY_MAX_DISTANCE + 1 bit bands, each as "<index>:<hex value>".
 * Two fingerprints within the same-story distance share at least one band string.
 */
export function fingerprintBands(fp: string): string[] {
  let x = /^[0-9a-f]{1,16}$/i.test(fp) ? BigInt(`0x${fp}`) : 0n;
  const out: string[] = [];
  BAND_BITS.forEach((bits, i) => {
    const mask = (1n << BigInt(bits)) - 1n;
    out.push(`${i}:${(x & mask).toString(16)}`);
    x >>= BigInt(bits);
  });
  return out;
}
