// Words with their offsets, and a light stemmer so "listing", "listed" and "lists" meet.
// The checker compares claims with record texts word by word; a full Porter stemmer would
// do, but the texts are short and this keeps both sides consistent, which is what matters.

export interface Token {
  text: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

const IRREGULAR: Record<string, string> = {
  met: 'meet',
  held: 'hold',
  led: 'lead',
  took: 'take',
  taken: 'take',
  made: 'make',
  became: 'become',
  sent: 'send',
  began: 'begin',
  begun: 'begin',
  said: 'say',
  gave: 'give',
  given: 'give',
  came: 'come',
  won: 'win',
  paid: 'pay',
  put: 'put',
  set: 'set',
  wrote: 'write',
  written: 'write',
  drew: 'draw',
  drawn: 'draw',
  found: 'found',
  brought: 'bring',
  sought: 'seek',
  told: 'tell',
  went: 'go',
  gone: 'go',
  chose: 'choose',
  chosen: 'choose',
  spoke: 'speak',
  spoken: 'speak',
  left: 'leave',
  got: 'get',
  ran: 'run',
  staff: 'personnel',
  troops: 'personnel',
  troop: 'personnel',
  soldiers: 'personnel',
  soldier: 'personnel',
  session: 'meet',
  sessions: 'meet',
  meeting: 'meet',
  meetings: 'meet',
  inaugural: 'first',
  nations: 'country',
  nation: 'country',
  countries: 'country',
  states: 'country',
  state: 'country',
  amendments: 'amend',
  amendment: 'amend',
  changes: 'amend',
  change: 'amend',
  britain: 'britain',
  news: 'news',
  us: 'us',
  as: 'as',
  is: 'is',
  was: 'was',
  has: 'has',
  this: 'this',
  bn: 'billion',
  mn: 'million',
  per: 'per',
  outside: 'non',
  accelerated: 'fast',
  expedited: 'fast',
  accession: 'membership',
  aspirant: 'aspir',
  aspirations: 'aspir',
  aspiration: 'aspir',
  abroad: 'foreign',
  overseas: 'foreign',
};

/** Stems already worked out: texts repeat their words, and a stem is a pure function of the word. */
const stems = new Map<string, string>();
const STEM_MEMORY = 50_000;

export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= STEM_MEMORY) stems.clear();
    stems.set(word, (s = stemOf(word)));
  }
  return s;
}

function stemOf(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  // Own keys only: a word such as "constructor" must not find Object.prototype's.
  const irregular = Object.hasOwn(IRREGULAR, w) ? IRREGULAR[w] : undefined;
  // The base form goes through the same rules as a regular form: "made" and "makes" meet at one stem.
  return regularStem(irregular ?? w);
}

function regularStem(w: string): string {
  if (w.length <= 3 || /\d/.test(w)) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (/(?:ing|ed)$/.test(s)) {
    const cut = s.endsWith('ing') ? s.slice(0, -3) : s.slice(0, -2);
    if (cut.length >= 3) s = cut;
  } else if (s.endsWith('es') && /(?:ch|sh|x|z|ss)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(s) && !/(?:ll|ss|zz)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  if (s.endsWith('ation') && s.length > 7) s = s.slice(0, -5);
  return s;
}

/** A word without accents on Latin letters; other scripts (Cyrillic) keep theirs. */
function foldAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    // The possessive goes, so "Ukraine's" is the name "ukraine"; `text` keeps it.
    // Letters compare without their accents: "Worner" is "Wörner", "Zelenskyy" in any spelling is the same word.
    const plain = /[^\u0000-\u007f]/.test(raw) ? foldAccents(raw) : raw;
    tokens.push({
      text: raw,
      lower: plain.toLowerCase().replace(/['’]s$/, ''),
      stem: stem(plain),
      start: m.index,
      end: m.index + raw.length,
    });
  }
  return tokens;
}

export const STOPWORDS = new Set(
  `a an the and or but nor of to in on at by for from with within without into onto over under about around
  as is are was were be been being has have had having do does did done doing it its it's this that these those
  which who whom whose what when where while than then there their they them he his him she her we our you your
  i me my also such other others same so too very just only not no any all both each either neither more most
  less least some many much can could would should will shall may might must one ones own up down out off again
  further once here why how per via among amid after before since until till during through upon across towards
  toward near roughly approximately nearly almost later earlier first-ever ever previously itself themselves
  became become becoming becomes began begin beginning start started starting would let doing mainly
  president prime minister speaker secretary general chancellor officials official
  mr mrs ms dr new old said year years month months day days time times
  shortly soon subsequently eventually take takes took taken taking`
    .split(/\s+/)
    .filter(Boolean),
);

/** Stems of stopwords, so filtering works on stemmed tokens too. */
export const STOP_STEMS = new Set([...STOPWORDS].map(stem));

export function isContentToken(t: Token): boolean {
  return !STOPWORDS.has(t.lower) && !STOP_STEMS.has(t.stem) && !/^\d+$/.test(t.lower);
}
