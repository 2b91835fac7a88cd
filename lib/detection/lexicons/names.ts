/**
 * Runtime view of the name lexicons: Sets built lazily on first use (the data module is a few long strings, cheap to
 * parse once and compact to ship). Everything is keyed by `foldName`: lower-case, diacritics stripped.
 */
import { AMBIGUOUS_NAMES, COMMON_WORDS, GIVEN_NAMES, PLACE_PHRASES, PLACE_WORDS, SURNAMES } from './name-data';

/**
 * Cyrillic and Greek letters to Latin, so "Иван Петров" and "Γιώργος" meet the lexicon's romanised entries (the
 * generator folds faker's native-script names through foldName too). Cyrillic follows common passport-style spelling;
 * accented Greek vowels are listed precomposed.
 */
const TRANSLITERATION: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c',
  ђ: 'dj', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
  α: 'a', ά: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', έ: 'e', ζ: 'z', η: 'i', ή: 'i', θ: 'th', ι: 'i', ί: 'i', ϊ: 'i',
  ΐ: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', ό: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y',
  ύ: 'y', ϋ: 'y', ΰ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o', ώ: 'o',
};
/** A Greek or Cyrillic letter (the scripts foldName romanises). */
export const CYRILLIC_OR_GREEK = /[\u0370-\u04ff]/;

/**
 * Lower-case, romanise Cyrillic and Greek, and strip diacritics so "José", "JOSE" and "jose" share one entry, as do
 * "Петров" and "Petrov". The generator folds its entries with this same function.
 */
export function foldName(word: string): string {
  let lower = word.toLowerCase();
  // Fast path: plain ASCII needs no normalisation.
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return lower;
  if (CYRILLIC_OR_GREEK.test(lower)) lower = Array.from(lower, (ch) => TRANSLITERATION[ch] ?? ch).join('');
  return lower
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đð]/g, 'd')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/ə/g, 'e')
    .replace(/[’`]/g, "'");
}

/**
 * Capitalised words that are not names on their own in running text although some list carries them as a name:
 * months, weekdays, tech terms, big brands, places. They still count inside a name with other evidence ("Jordan
 * Peterson", "Dr. Austin"). Folded lower-case.
 */
const NOT_ALONE = `
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday christmas easter
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
react python jest java javascript typescript ruby rust go swift kotlin scala perl julia dart elixir haskell pascal ada
node deno bun vue angular svelte ember django flask rails laravel spring express next nuxt remix gatsby hugo jekyll
docker kubernetes helm terraform ansible jenkins travis circle github gitlab bitbucket jira confluence slack teams zoom
redis mongo postgres mysql oracle sqlite kafka spark hadoop hive flink elastic kibana grafana prometheus nginx apache
linux ubuntu debian fedora arch windows android ios macos chrome firefox safari edge opera brave electron tauri
webpack vite rollup esbuild babel eslint prettier mocha chai jasmine karma cypress playwright puppeteer selenium
storybook prisma apollo graphql vercel netlify heroku azure aws gcp firebase supabase stripe twilio okta auth
openai claude gemini copilot chatgpt llama mistral ollama siri alexa cortana bard grok
google microsoft apple amazon meta facebook instagram whatsapp twitter tesla ford dell intel nvidia samsung sony
honda toyota nissan mazda suzuki subaru porsche ferrari boeing airbus disney nike adidas gucci prada chanel dior
hilton marriott hyatt ikea siemens bosch philips nestle unilever pfizer moderna walmart target costco kroger
mcdonald wendy starbucks uber lyft airbnb netflix spotify adobe salesforce cisco ibm hp lenovo asus acer
london paris berlin madrid rome milan vienna prague warsaw lisbon dublin amsterdam brussels zurich geneva
sydney melbourne brisbane perth adelaide auckland toronto vancouver montreal ottawa boston chicago houston dallas
austin denver phoenix atlanta miami orlando seattle portland detroit cleveland nashville memphis charlotte
tokyo osaka kyoto seoul beijing shanghai delhi mumbai bangalore chennai kolkata hyderabad lagos nairobi cairo
dubai istanbul moscow kyiv tehran karachi lahore dhaka jakarta manila hanoi bangkok singapore
america england scotland wales ireland france germany spain italy portugal poland russia china japan korea india
brazil mexico canada australia africa europe asia jordan israel georgia chad cuba kenya nigeria ghana egypt
virginia carolina florida texas california georgia montana dakota nevada arizona victoria queensland tasmania
washington lincoln jackson madison houston kennedy
english french german spanish italian dutch polish portuguese russian ukrainian chinese japanese korean thai
vietnamese hindi arabic persian turkish hebrew greek swedish norwegian danish finnish czech hungarian romanian
swahili yoruba igbo hausa zulu tamil telugu bengali urdu punjabi malay indonesian filipino tagalog latin
co inc ltd llc gmbh corp dev prod admin param params
`;

const PREFIX_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Decodes the generator's front coding: each entry is <shared-prefix length digit><rest of the word>. */
export function decodeFrontCoded(data: string, visit: (word: string) => void): void {
  let previous = '';
  for (const entry of data.split(' ')) {
    if (!entry) continue;
    const word = previous.slice(0, PREFIX_DIGITS.indexOf(entry[0]!)) + entry.slice(1);
    visit(word);
    previous = word;
  }
}

/** Bit flags per word: one Map lookup answers every question about a token. */
export const GIVEN = 1;
export const SURNAME = 2;
export const AMBIGUOUS = 4;
export const COMMON = 8;

let flags: Map<string, number> | undefined;

function buildFlags(): Map<string, number> {
  const map = new Map<string, number>();
  const mark = (bit: number) => (word: string) => map.set(word, (map.get(word) ?? 0) | bit);
  decodeFrontCoded(GIVEN_NAMES, mark(GIVEN));
  decodeFrontCoded(SURNAMES, mark(SURNAME));
  decodeFrontCoded(COMMON_WORDS, mark(COMMON));
  const ambiguous = mark(AMBIGUOUS);
  for (const list of [AMBIGUOUS_NAMES, NOT_ALONE, PLACE_WORDS]) for (const word of list.trim().split(/\s+/)) ambiguous(word);
  return map;
}

/** GIVEN | SURNAME | AMBIGUOUS | COMMON bits of a folded word (0 when unknown). */
export function nameFlags(folded: string): number {
  return (flags ??= buildFlags()).get(folded) ?? 0;
}

export const isGivenName = (folded: string) => (nameFlags(folded) & GIVEN) !== 0;
export const isSurname = (folded: string) => (nameFlags(folded) & SURNAME) !== 0;
/** A name that is also an ordinary word or a place/brand/tech term: needs a second signal. */
export const isAmbiguousName = (folded: string) => (nameFlags(folded) & AMBIGUOUS) !== 0;
/** A frequent English word that is not a name (the, thanks, meeting, office...). */
export const isCommonWord = (folded: string) => (nameFlags(folded) & COMMON) !== 0;

let placePhrases: Set<string> | undefined;

/** Whether folded words joined by single spaces spell a place of several words ("hong kong", "sierra leone"). */
export function isPlacePhrase(phrase: string): boolean {
  return (placePhrases ??= new Set(PLACE_PHRASES.split('|'))).has(phrase);
}

/**
 * Builds the lookup table now (about 20 ms on first use). Callers that can, call this when idle so the first scan after a
 * page load does not pay for it.
 */
export function warmNameLexicons(): void {
  nameFlags('');
}
