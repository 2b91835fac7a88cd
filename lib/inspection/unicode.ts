/** Code-point classes for hidden-text detection. Pure functions, no tables beyond a few ranges. */

export type InvisibleClass =
  | 'tag'
  | 'variation'
  | 'zero-width'
  | 'bidi-control'
  | 'bidi-mark'
  | 'soft-hyphen'
  | 'filler'
  | 'private-use'
  | 'private-use-supplementary';

export function classifyInvisible(cp: number): InvisibleClass | null {
  if (cp < 0xad) return null;
  if (cp === 0xad) return 'soft-hyphen';
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag';
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'variation';
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff) {
    return 'zero-width';
  }
  if (cp === 0x180e || cp === 0x034f) return 'zero-width';
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi-control';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c) return 'bidi-mark';
  if (
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x3164 ||
    cp === 0xffa0 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x206a && cp <= 0x206f) ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    cp === 0x2800
  ) {
    return 'filler';
  }
  if (cp >= 0xe000 && cp <= 0xf8ff) return 'private-use';
  if (cp >= 0xf0000 && cp <= 0x10ffff) return 'private-use-supplementary';
  return null;
}

/** Cheap screen: does the text contain anything classifyInvisible could return non-null for? */
export const INVISIBLE_SCREEN =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u2800\u3164\uE000-\uF8FF\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB\uDB40\uDB80-\uDBFF]|\uD834[\uDD73-\uDD7A]/;

const EXT_PICT = /\p{Extended_Pictographic}/u;

export function isEmojiLike(cp: number): boolean {
  if (cp < 0xa9) return false;
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return true; // skin tones
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return true; // regional indicators
  return EXT_PICT.test(String.fromCodePoint(cp));
}

export function isRtlLetter(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x08ff) ||
    (cp >= 0xfb1d && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfefc) ||
    (cp >= 0x10800 && cp <= 0x10fff) ||
    (cp >= 0x1e800 && cp <= 0x1efff)
  );
}

export const RTL_SCREEN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDFFF]/;

/** Scripts where ZWNJ/ZWJ shape text legitimately: Arabic/Persian/Urdu, Hebrew, Syriac, Indic, Sinhala, Myanmar, Khmer. */
export function isJoinerScript(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x08ff) ||
    (cp >= 0x0900 && cp <= 0x0dff) ||
    (cp >= 0x1000 && cp <= 0x109f) ||
    (cp >= 0x1780 && cp <= 0x17ff) ||
    (cp >= 0xa8e0 && cp <= 0xa8ff) ||
    (cp >= 0xfb1d && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfefc)
  );
}

/** Scripts written without spaces where ZWSP marks word breaks: Thai, Lao, Tibetan, Myanmar, Khmer, CJK, kana. */
export function isNoSpaceScript(cp: number): boolean {
  return (
    (cp >= 0x0e00 && cp <= 0x0fff) ||
    (cp >= 0x1000 && cp <= 0x109f) ||
    (cp >= 0x1780 && cp <= 0x17ff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af)
  );
}

export function isCjkIdeograph(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

export function isHangul(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af);
}

const BIDI_NAMES: Record<number, string> = {
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x061c: 'ALM',
  0x200b: 'ZWSP',
  0x200c: 'ZWNJ',
  0x200d: 'ZWJ',
  0x2060: 'WJ',
  0xfeff: 'BOM',
  0x00ad: 'SHY',
};

/** Human-readable name for an invisible code point, e.g. <RLO>, <U+E0041>. */
export function invisibleName(cp: number): string {
  const name = BIDI_NAMES[cp];
  return `<${name ?? 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')}>`;
}
