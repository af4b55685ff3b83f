// The Snowball French stemmer (snowballstem.org/algorithms/french), written for text already
// folded to lower case without accents (normalize.ts folds first): « sécurité » and a reader's
// « securite » then stem alike, which the original algorithm, whose suffixes carry accents,
// would not do. Its suffixes are the original's with accents dropped (« ité » → « ite »,
// « ièr » → « ier »); everything else follows the algorithm step by step.

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

const isVowel = (word: string, at: number): boolean => VOWELS.has(word[at] ?? '');

/** Longest first, so that the first match is the longest, as Snowball's « among » requires. */
const byLength = (list: string): string[] => list.split(' ').sort((a, b) => b.length - a.length);

const STEP_1 = byLength(
  'ance iqUe isme able iste eux ances iqUes ismes ables istes atrice ateur ation atrices ateurs ations logie logies ' +
    'usion ution usions utions ence ences ement ements ite ites if ive ifs ives eaux aux euse euses issement issements ' +
    'amment emment ment ments',
);
const I_VERB = byLength(
  'imes it ites i ie ies ir ira irai iraIent irais irait iras irent irez iriez irions irons iront is issaIent issais ' +
    'issait issant issante issantes issants isse issent isses issez issiez issions issons',
);
const VERB_DELETE = new Set('e ee ees es erent er era erai eraIent erais erait eras erez eriez erions erons eront ez iez'.split(' '));
const VERB_DELETE_E = new Set('ames at ates a ai aIent ais ait ant ante antes ants as asse assent asses assiez assions'.split(' '));
const VERB = byLength(['ions', ...VERB_DELETE, ...VERB_DELETE_E].join(' '));
const RESIDUAL = byLength('ion ier iere Ier Iere e');

interface Regions {
  rv: number;
  r1: number;
  r2: number;
}

export function stemFrench(input: string): string {
  if (input.length <= 2) return input;
  let word = markVowels(input);
  const regions = markRegions(word);
  const ends = (suffix: string) => word.endsWith(suffix);
  const from = (suffix: string) => word.length - suffix.length;
  const cut = (length: number) => (word = word.slice(0, word.length - length));

  const step1 = standardSuffix(word, regions);
  let altered = false;
  if (step1.word !== word) {
    word = step1.word;
    altered = step1.succeeded;
  }
  if (!step1.succeeded) {
    const iVerb = iVerbSuffix(word, regions);
    if (iVerb !== undefined) {
      word = iVerb;
      altered = true;
    } else {
      const verb = verbSuffix(word, regions);
      if (verb !== undefined) {
        word = verb;
        altered = true;
      }
    }
  }
  if (altered) {
    if (ends('Y')) word = `${word.slice(0, -1)}i`;
  } else {
    // Step 4: residual suffixes.
    if (ends('s') && !/[aious]/.test(word[word.length - 2] ?? '')) cut(1);
    const suffix = RESIDUAL.find((candidate) => ends(candidate) && from(candidate) >= regions.rv);
    if (suffix === 'ion') {
      const before = word[from(suffix) - 1];
      if (from(suffix) >= regions.r2 && from(suffix) - 1 >= regions.rv && (before === 's' || before === 't')) cut(3);
    } else if (suffix === 'e') cut(1);
    else if (suffix !== undefined) word = `${word.slice(0, from(suffix))}i`;
  }
  // Step 5: undouble.
  if (/(?:enn|onn|ett|ell|eill)$/.test(word)) cut(1);
  return word.toLowerCase();
}

/** u or i between vowels, y next to one, u after q: consonants for the algorithm (U, I, Y). */
function markVowels(word: string): string {
  const letters = [...word];
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i]!;
    const before = letters[i - 1];
    const after = letters[i + 1];
    const vowelBefore = before !== undefined && VOWELS.has(before);
    const vowelAfter = after !== undefined && VOWELS.has(after);
    if ((letter === 'u' || letter === 'i') && vowelBefore && vowelAfter) letters[i] = letter.toUpperCase();
    else if (letter === 'y' && (vowelBefore || vowelAfter)) letters[i] = 'Y';
    else if (letter === 'u' && before === 'q') letters[i] = 'U';
  }
  return letters.join('');
}

function markRegions(word: string): Regions {
  let rv = word.length;
  if (/^(?:par|col|tap)/.test(word) || (isVowel(word, 0) && isVowel(word, 1))) rv = Math.min(3, word.length);
  else {
    for (let i = 1; i < word.length; i++) {
      if (isVowel(word, i)) {
        rv = i + 1;
        break;
      }
    }
  }
  // R1: the region after the first non-vowel following a vowel; R2: the same, within R1.
  const r1 = regionAfter(word, 0);
  return { rv, r1, r2: regionAfter(word, r1) };
}

function regionAfter(word: string, start: number): number {
  for (let i = start + 1; i < word.length; i++) if (!isVowel(word, i) && isVowel(word, i - 1)) return i + 1;
  return word.length;
}

/** Step 1. `succeeded` false also after amment, emment, ment(s), so that step 2a still runs. */
function standardSuffix(word: string, { rv, r1, r2 }: Regions): { word: string; succeeded: boolean } {
  const suffix = STEP_1.find((candidate) => word.endsWith(candidate));
  if (suffix === undefined) return { word, succeeded: false };
  const at = word.length - suffix.length;
  const stem = word.slice(0, at);
  const fail = { word, succeeded: false };
  const done = (result: string) => ({ word: result, succeeded: true });
  const inR2 = at >= r2;
  /** The stem without `ending`, if it ends so and the ending starts in `region`. */
  const preceded = (base: string, ending: string, region: number): boolean => base.endsWith(ending) && base.length - ending.length >= region;
  switch (suffix) {
    case 'ance': case 'iqUe': case 'isme': case 'able': case 'iste': case 'eux':
    case 'ances': case 'iqUes': case 'ismes': case 'ables': case 'istes':
      return inR2 ? done(stem) : fail;
    case 'atrice': case 'ateur': case 'ation': case 'atrices': case 'ateurs': case 'ations':
      if (!inR2) return fail;
      if (stem.endsWith('ic')) return done(preceded(stem, 'ic', r2) ? stem.slice(0, -2) : `${stem.slice(0, -2)}iqU`);
      return done(stem);
    case 'logie': case 'logies':
      return inR2 ? done(`${stem}log`) : fail;
    case 'usion': case 'ution': case 'usions': case 'utions':
      return inR2 ? done(`${stem}u`) : fail;
    case 'ence': case 'ences':
      return inR2 ? done(`${stem}ent`) : fail;
    case 'ement': case 'ements': {
      if (at < rv) return fail;
      if (stem.endsWith('iv')) {
        if (!preceded(stem, 'iv', r2)) return done(stem);
        const base = stem.slice(0, -2);
        return done(preceded(base, 'at', r2) ? base.slice(0, -2) : base);
      }
      if (stem.endsWith('eus')) {
        if (preceded(stem, 'eus', r2)) return done(stem.slice(0, -3));
        return done(preceded(stem, 'eus', r1) ? `${stem.slice(0, -3)}eux` : stem);
      }
      if (stem.endsWith('abl') || stem.endsWith('iqU')) return done(preceded(stem, stem.slice(-3), r2) ? stem.slice(0, -3) : stem);
      if (stem.endsWith('ier') || stem.endsWith('Ier')) return done(preceded(stem, stem.slice(-3), rv) ? `${stem.slice(0, -3)}i` : stem);
      return done(stem);
    }
    case 'ite': case 'ites': {
      if (!inR2) return fail;
      if (stem.endsWith('abil')) return done(preceded(stem, 'abil', r2) ? stem.slice(0, -4) : `${stem.slice(0, -4)}abl`);
      if (stem.endsWith('ic')) return done(preceded(stem, 'ic', r2) ? stem.slice(0, -2) : `${stem.slice(0, -2)}iqU`);
      if (stem.endsWith('iv')) return done(preceded(stem, 'iv', r2) ? stem.slice(0, -2) : stem);
      return done(stem);
    }
    case 'if': case 'ive': case 'ifs': case 'ives': {
      if (!inR2) return fail;
      if (!preceded(stem, 'at', r2)) return done(stem);
      const base = stem.slice(0, -2);
      if (!base.endsWith('ic')) return done(base);
      return done(preceded(base, 'ic', r2) ? base.slice(0, -2) : `${base.slice(0, -2)}iqU`);
    }
    case 'eaux':
      return done(`${stem}eau`);
    case 'aux':
      return at >= r1 ? done(`${stem}al`) : fail;
    case 'euse': case 'euses':
      if (inR2) return done(stem);
      return at >= r1 ? done(`${stem}eux`) : fail;
    case 'issement': case 'issements':
      return at >= r1 && !isVowel(word, at - 1) ? done(stem) : fail;
    case 'amment':
      return { word: at >= rv ? `${stem}ant` : word, succeeded: false };
    case 'emment':
      return { word: at >= rv ? `${stem}ent` : word, succeeded: false };
    default: // ment, ments
      return { word: at - 1 >= rv && isVowel(word, at - 1) ? stem : word, succeeded: false };
  }
}

/** Step 2a: verb endings starting with i, after a non-vowel, within RV. */
function iVerbSuffix(word: string, { rv }: Regions): string | undefined {
  const suffix = I_VERB.find((candidate) => word.endsWith(candidate) && word.length - candidate.length >= rv);
  if (suffix === undefined) return undefined;
  const at = word.length - suffix.length;
  return at - 1 >= rv && !isVowel(word, at - 1) ? word.slice(0, at) : undefined;
}

/** Step 2b: other verb endings, within RV. */
function verbSuffix(word: string, { rv, r2 }: Regions): string | undefined {
  const suffix = VERB.find((candidate) => word.endsWith(candidate) && word.length - candidate.length >= rv);
  if (suffix === undefined) return undefined;
  const at = word.length - suffix.length;
  if (suffix === 'ions') return at >= r2 ? word.slice(0, at) : undefined;
  if (VERB_DELETE.has(suffix)) return word.slice(0, at);
  const stem = word.slice(0, at);
  return stem.endsWith('e') && at - 1 >= rv ? stem.slice(0, -1) : stem;
}
