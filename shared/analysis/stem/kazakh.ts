// A Kazakh suffix-stripping stemmer.
//
// Kazakh is agglutinative: a noun is stem + (derivation) + plural + possessive + case (+ predicative
// person), a verb is stem + (negation) + tense/aspect/participle + person. Each suffix has variants
// chosen by vowel harmony (back а о ұ ы vs front ә ө ү і е) and by the stem's last sound (vowel,
// voiced/sonorant consonant, voiceless consonant), e.g. plural -лар/-лер/-дар/-дер/-тар/-тер.
//
// The stemmer strips, from the end, at most one suffix of each class in this order:
//   1. predicative person   -мын/-мін/-бын/-бін/-пын/-пін, -сың/-сің, -мыз/-міз/-быз/-біз/-пыз/-піз
//   2. case                 genitive -ның/-нің/-дың/-дің/-тың/-тің; accusative -ны/-ні/-ды/-ді/-ты/-ті/-н;
//                           dative -ға/-ге/-қа/-ке/-на/-не; locative -да/-де/-та/-те/-нда/-нде;
//                           ablative -дан/-ден/-тан/-тен/-нан/-нен/-нан; instrumental -мен/-бен/-пен;
//                           attributive -дағы/-дегі/-тағы/-тегі/-ндағы/-ндегі, -ғы/-гі/-қы/-кі;
//                           similative -дай/-дей/-тай/-тей; manner -ша/-ше
//   3. possessive           -ымыз/-іміз/-мыз/-міз, -ыңыз/-іңіз/-ңыз/-ңіз, -ым/-ім, -ың/-ің, -сы/-сі, -ы/-і
//   4. plural               -лар/-лер/-дар/-дер/-тар/-тер
//   5. verbal               -ған/-ген/-қан/-кен, -атын/-етін/-йтын/-йтін, -уда/-уде, -ушы/-уші (+лар),
//                           -мақ/-мек, -ды/-ді/-ты/-ті (past), -ып/-іп, -са/-се, -ма/-ме/-ба/-бе/-па/-пе
//                           (negation; reported through `stemKazakhDetailed`)
// Derivational suffixes that change the meaning (-лық/-лік "-ness", -шы/-ші agent, -сыз "without")
// are kept: "ұлтаралық" (interethnic) and "жұмыссыз" (unemployed) are lexicon units of their own.
//
// Every variant is also listed in its Russian-keyboard form (ң→н, і→и, ғ→г, қ→к, ә→а, ө→о, ұ/ү→у),
// because much Kazakh online text is typed without the Kazakh letters.
//
// Guards:
//  - the remaining stem keeps at least MIN_STEM letters and at least one vowel;
//  - vowel harmony: when the word is written with Kazakh letters, a suffix whose vowel is
//    unambiguously back (а ы о ұ) or front (е ә і ө ү) must agree with the stem's last such vowel;
//    text without Kazakh letters cannot be checked (а/о/у/и stand for both classes) and is not;
//  - after a vowel-initial suffix is removed, the voiced final consonant that Kazakh writes before
//    vowels returns to its dictionary form (қазағы → қазақ, жүрегі → жүрек, кітабы → кітап);
//  - a few stems that drop their second vowel before a vowel-initial suffix get it back
//    (халқы → халық, ауызы/аузы → ауыз, орны → орын, ерні → ерін, мұрны → мұрын).

const MIN_STEM = 2;

const BACK = 'аоұы';
const FRONT = 'еәіөү';
const VOWELS = 'аоұыеәіөүуиэюяё';

function variants(list: string): string[] {
  return list.split(' ');
}


const CLASSES_RAW: Array<[string, string]> = [
  ['person', 'мын мін бын бін пын пін сың сің мыз міз быз біз пыз піз'],
  [
    'case',
    'ның нің дың дің тың тің ны ні ды ді ты ті н ға ге қа ке на не да де та те нда нде дан ден тан тен нан нен мен бен пен менен дағы дегі тағы тегі ндағы ндегі ғы гі қы кі дай дей тай тей ша ше',
  ],
  ['possessive', 'ымыз іміз мыз міз ыңыз іңіз ңыз ңіз ым ім ың ің сы сі ы і'],
  ['plural', 'лар лер дар дер тар тер'],
  ['verbal', 'ған ген қан кен атын етін йтын йтін уда уде ушы уші мақ мек ды ді ты ті ып іп са се ма ме ба бе па пе'],
];

const FOLD: Record<string, string> = { 'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и' };
const fold = (s: string) => s.replace(/[әғқңөұүһі]/g, (c) => FOLD[c]!);

interface Suffix {
  text: string;
  /** 'b' back, 'f' front, '?' cannot tell (folded form or no vowel). */
  harmony: 'b' | 'f' | '?';
  vowelInitial: boolean;
  klass: string;
  negation: boolean;
}

const NEGATION_SUFFIXES = new Set(['ма', 'ме', 'ба', 'бе', 'па', 'пе']);

function harmonyOf(s: string): 'b' | 'f' | '?' {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i]!;
    if (BACK.includes(c)) return 'b';
    if (FRONT.includes(c)) return 'f';
  }
  return '?';
}

const CLASSES: Array<{ name: string; suffixes: Suffix[]; byLast: Map<string, Suffix[]> }> = CLASSES_RAW.map(([name, list]) => {
  const seen = new Map<string, Suffix>();
  for (const s of variants(list)) {
    const isNeg = name === 'verbal' && NEGATION_SUFFIXES.has(s);
    seen.set(s, { text: s, harmony: harmonyOf(s), vowelInitial: VOWELS.includes(s[0]!), klass: name, negation: isNeg });
    const f = fold(s);
    if (f !== s && !seen.has(f)) {
      seen.set(f, { text: f, harmony: '?', vowelInitial: VOWELS.includes(f[0]!), klass: name, negation: isNeg });
    }
  }
  // Longest first so -ндағы wins over -ғы, -ымыз over -ы.
  const suffixes = [...seen.values()].sort((a, b) => b.text.length - a.text.length);
  // The same lists split by last letter (order kept): only suffixes ending like the word can match.
  const byLast = new Map<string, Suffix[]>();
  for (const suf of suffixes) {
    const last = suf.text[suf.text.length - 1]!;
    const list = byLast.get(last);
    if (list) list.push(suf);
    else byLast.set(last, [suf]);
  }
  return { name, suffixes, byLast };
});
const NO_SUFFIXES: Suffix[] = [];

const RESTORE_VOWEL: Record<string, string> = {
  'халқ': 'халық', 'калк': 'калык', 'ауз': 'ауыз', 'орн': 'орын', 'ерн': 'ерін', 'ерин': 'ерин',
  'мұрн': 'мұрын', 'мурн': 'мурын', 'қарн': 'қарын', 'карн': 'карын', 'ұлт': 'ұлт', 'қойн': 'қойын',
  'ойн': 'ойын', 'көңл': 'көңіл', 'коныл': 'конил', 'ерк': 'ерік', 'бөр': 'бөрік', 'есм': 'есім',
};

const DEVOICE: Record<string, string> = { 'ғ': 'қ', 'г': 'к', 'б': 'п' };

function hasVowel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (VOWELS.includes(s[i]!)) return true;
  return false;
}

const ATTRIBUTIVE = new Set(['ғы', 'гі', 'қы', 'кі', 'гы', 'ги', 'кы', 'ки']);

// Roots whose ending looks like a suffix (дүн-ген, тат-ар, қы-тай, түрік-мен, украи-н); the stemmer
// stops as soon as the remaining form is one of them. Stored folded.
const PROTECTED = new Set(
  ['дүнген', 'сыған', 'татар', 'қытай', 'түрікмен', 'украин', 'шекара', 'дағыстан', 'ингуш', 'гагауз', 'адам', 'мемлекет', 'өкімет', 'жамағат', 'полиция', 'қала', 'дала', 'бала', 'ана', 'аға', 'іні', 'әке', 'жер', 'су', 'тіл', 'ел', 'ер', 'ақ', 'жау', 'аудан', 'қазан', 'заман', 'орман', 'майдан', 'өнім', 'желі', 'қарсы', 'жақсы', 'кейін', 'бірақ'].map(fold),
);

export interface KazakhStem {
  stem: string;
  /** Suffixes removed, outermost first. */
  removed: string[];
  /** A verbal negation suffix (-ма/-ме/-ба/-бе/-па/-пе) was removed. */
  negated: boolean;
}

/**
 * Stem a lower-cased Kazakh word (Cyrillic; Latin input should be transliterated first).
 * The result keeps the writer's letters; fold it for lexicon look-up.
 */
/** Case endings that also follow a nasal-final stem directly (see the buffer-н rule). */
const NASAL_CASE = new Set(['ның', 'нің', 'нын', 'нин', 'нан', 'нен']);

export function stemKazakhDetailed(word: string): KazakhStem {
  let w = word;
  const removed: string[] = [];
  let negated = false;
  const proper = /[әғқңөұүһі]/.test(w);
  for (const klass of CLASSES) {
    if (PROTECTED.has(fold(w))) break;
    for (const suf of klass.byLast.get(w[w.length - 1]!) ?? NO_SUFFIXES) {
      if (w.length - suf.text.length < MIN_STEM || !w.endsWith(suf.text)) continue;
      const rest = w.slice(0, -suf.text.length);
      if (!hasVowel(rest)) continue;
      // A lone consonant case ending (-н) follows only a possessive vowel; a single-letter
      // possessive (-ы/-і) needs a stem of 3+ letters (ел-і is the exception we accept: 2 letters
      // plus a vowel).
      if (suf.text === 'н' && !/[ыі и]$/.test(rest)) continue;
      // Case forms with the buffer н (-нда, -нан, -на, -ның …) follow a possessive vowel: the
      // rest must end in a vowel and keep 3+ letters (ауылы-нда, not тү-нде). The genitive
      // -ның/-нің and the ablative -нан/-нен are also the plain forms after м, н, ң (адам-ның,
      // аудан-нан, сыған-ның).
      if (klass.name === 'case' && suf.text.length > 1 && suf.text[0] === 'н' && (rest.length < 3 || !(VOWELS.includes(rest[rest.length - 1]!) || (NASAL_CASE.has(suf.text) && /[мнң]$/.test(rest))))) continue;
      // First-person -ым/-ім needs a stem of 3+ letters (өнім is a root, not ө-н-ім).
      if ((suf.text === 'ым' || suf.text === 'ім' || suf.text === 'им') && rest.length < 3) continue;
      if (proper && suf.harmony !== '?') {
        const h = harmonyOf(rest);
        if (h !== '?' && h !== suf.harmony) continue;
      }
      // Attributive -ғы/-гі/-қы/-кі follows consonants (жылғы, бүгінгі); after a vowel the ғ/г
      // is the voiced stem final before a possessive (қазағы = қазақ + ы).
      if (ATTRIBUTIVE.has(suf.text) && VOWELS.includes(rest[rest.length - 1]!)) continue;
      // Vowel-initial suffixes attach to consonant-final stems.
      if (suf.vowelInitial && VOWELS.includes(rest[rest.length - 1]!)) continue;
      // Consonant-initial single-syllable suffixes after a too-short stem are usually part of the root.
      if (suf.text.length <= 2 && rest.length < 3 && klass.name !== 'possessive') continue;
      w = rest;
      removed.push(suf.text);
      if (suf.negation) negated = true;
      if (suf.vowelInitial) {
        const last = w[w.length - 1]!;
        if (DEVOICE[last] && w.length > 2 && VOWELS.includes(w[w.length - 2]!)) w = w.slice(0, -1) + DEVOICE[last];
        w = RESTORE_VOWEL[w] ?? w;
      }
      break;
    }
  }
  return { stem: w, removed, negated };
}

export function stemKazakh(word: string): string {
  return stemKazakhDetailed(word).stem;
}
