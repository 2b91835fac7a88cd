/**
 * What to scrub in one request body and how to put the scrubbed strings back. Pure string work (no DOM, no fetch), so
 * the unit tests cover every format; main-world.ts adapts fetch/XHR body types (FormData, Blob, bytes) to it.
 */
import type { BodyFormat, JsonPath } from './endpoints';
import { locateJsonStrings, replaceJsonStrings } from './json-slots';

export interface TextPlan {
  /** The user-text fields found, in document order. Empty: nothing to scrub, send the body as it is. */
  strings: string[];
  /** The body with `scrubbed[i]` in place of `strings[i]`; byte-identical to the input where nothing changed. */
  apply(scrubbed: readonly string[]): string;
}

/** Plan for a JSON document; null when it is not JSON (the caller fails closed). */
export function planJson(text: string, fields: readonly JsonPath[]): TextPlan | null {
  const slots = locateJsonStrings(text, fields);
  if (!slots) return null;
  return {
    strings: slots.map((slot) => slot.value),
    apply: (scrubbed) => replaceJsonStrings(text, slots, scrubbed),
  };
}

/**
 * Plan for the value of Gemini's `f.req`: `JSON.stringify([null, JSON.stringify(inner)])` (ALC `enrichPayload`,
 * GAPI `_generate`). `fields` are paths into `inner`.
 */
export function planFreqValue(outerText: string, fields: readonly JsonPath[]): TextPlan | null {
  const outerSlots = locateJsonStrings(outerText, [[1]]);
  if (!outerSlots) return null;
  const innerSlot = outerSlots[0];
  if (!innerSlot) return { strings: [], apply: () => outerText };
  const inner = planJson(innerSlot.value, fields);
  if (!inner) return null;
  return {
    strings: inner.strings,
    apply: (scrubbed) => {
      const innerText = inner.apply(scrubbed);
      return innerText === innerSlot.value ? outerText : replaceJsonStrings(outerText, [innerSlot], [innerText]);
    },
  };
}

type FormEncoder = (value: string) => string;

/** `application/x-www-form-urlencoded` as URLSearchParams writes it: space as `+`, only `*-._` and alphanumerics bare. */
const encodeFormStyle: FormEncoder = (value) =>
  encodeURIComponent(value)
    .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

function decodeFormComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The encoder that reproduces `raw` from its decoded form, so an unchanged parameter would re-encode identically. */
function encoderFor(raw: string, decoded: string): FormEncoder {
  const candidates: FormEncoder[] = [encodeURIComponent, encodeFormStyle];
  return candidates.find((encode) => encode(decoded) === raw) ?? (raw.includes('+') ? encodeFormStyle : encodeURIComponent);
}

/**
 * Plan for a urlencoded body holding `f.req` (Gemini StreamGenerate). Other parameters (`at=` token, ...) and their
 * order are kept byte for byte; only the `f.req` value is re-encoded, in the style the page used.
 */
export function planFreqForm(body: string, fields: readonly JsonPath[]): TextPlan | null {
  const parts = body.split('&');
  const isFreq = (part: string) => /^f(?:\.|%2E)req=/i.test(part);
  const position = parts.findIndex(isFreq);
  if (position < 0) return { strings: [], apply: () => body };
  const part = parts[position] as string;
  const rawValue = part.slice(part.indexOf('=') + 1);
  const outerText = decodeFormComponent(rawValue);
  if (outerText === null) return null;
  const plan = planFreqValue(outerText, fields);
  if (!plan) return null;
  if (parts.some((other, index) => index !== position && isFreq(other))) {
    // Two f.req parameters: which one the server reads is unknowable here, so refuse (fail closed).
    return null;
  }
  const encode = encoderFor(rawValue, outerText);
  return {
    strings: plan.strings,
    apply: (scrubbed) => {
      const newOuter = plan.apply(scrubbed);
      if (newOuter === outerText) return body;
      const rebuilt = [...parts];
      rebuilt[position] = `${part.slice(0, part.indexOf('=') + 1)}${encode(newOuter)}`;
      return rebuilt.join('&');
    },
  };
}

/** Plan for a body sent as text (string, URLSearchParams, decoded bytes). */
export function planTextBody(format: BodyFormat, text: string): TextPlan | null {
  return format.kind === 'json' ? planJson(text, format.fields) : planFreqForm(text, format.fields);
}

/**
 * Plan for one string entry of a FormData body: only Gemini's `f.req` entry carries user text (ALC handles FormData
 * for it). For JSON endpoints a FormData body is not a shape the sites use, so it is refused (fail closed).
 */
export function planFormDataEntry(format: BodyFormat, name: string, value: string): TextPlan | null | 'untouched' {
  if (format.kind !== 'gemini-freq') return null;
  if (name !== 'f.req') return 'untouched';
  return planFreqValue(value, format.fields);
}
