/**
 * Reply-inspection engine. Pure TypeScript, no DOM: the content script and the CLI (`chatwarden inspect`) share it.
 *
 *   inspect(text, options)          → sorted findings (hidden-text, injection, exfil-link, unsafe-code), UTF-16 offsets
 *   inspectCodeBlock(code, lang)    → unsafe-code findings for one block (offsets into `code`)
 *   exfilUrlVerdict(url, options)   → should the page neutralise this <img src>/<a href>?
 *   decodeHidden(text)              → text hidden in tag characters / zero-width binary / variation selectors
 *   stripInvisible(text)            → text for copy, without smuggling characters, keeping legitimate joiners/marks
 */
import type { InspectionFinding, InspectOptions } from './types';
import { findCodeRegions, RangeSet } from './segments';
import { analyseInvisible, decodeHidden, invisibleFindings, stripInvisible } from './hidden-text';
import { hiddenMarkupFindings } from './hidden-markup';
import { injectionFindings } from './injection';
import { exfilFindings, exfilUrlVerdict, DEFAULT_SITE_HOSTS } from './exfiltration';
import { inspectCodeBlock, unsafeCodeFindings } from './unsafe-code';

export type { InspectionFinding, InspectionKind, InspectOptions, ExfilVerdict, InspectionRule } from './types';
export { inspectCodeBlock, exfilUrlVerdict, decodeHidden, stripInvisible, DEFAULT_SITE_HOSTS };
export type { ExfilOptions } from './exfiltration';

/** Replies longer than this are inspected in their first MAX_INSPECT characters (streaming replies grow; keep it cheap). */
export const MAX_INSPECT = 512 * 1024;

export function inspect(text: string, options: InspectOptions = {}): InspectionFinding[] {
  if (!text) return [];
  const input = text.length > MAX_INSPECT ? text.slice(0, MAX_INSPECT) : text;
  const families = options.families ?? {};
  const on = (f: keyof NonNullable<InspectOptions['families']>) => families[f] !== false;
  const format = options.format ?? 'markdown';
  const regions = findCodeRegions(input);
  const code = new RangeSet(regions);
  const findings: InspectionFinding[] = [];

  if (on('hiddenText')) {
    findings.push(...invisibleFindings(input, code));
    if (format !== 'text' || input.includes('<')) findings.push(...hiddenMarkupFindings(input, code));
  }

  if (on('injection')) {
    findings.push(...injectionFindings(input, code));
    // What hidden characters and markup carry is read by the model: check it for instructions too.
    const hiddenPayloads = findings.filter((f) => f.kind === 'hidden-text' && f.revealed);
    for (const h of hiddenPayloads) {
      const inner = injectionFindings(h.revealed!, undefined, 1);
      if (!inner.length) continue;
      const best = inner.sort((a, b) => b.confidence - a.confidence)[0]!;
      findings.push({
        kind: 'injection',
        type: 'HIDDEN_INJECTION',
        start: h.start,
        end: h.end,
        rule: 'inj-hidden-payload',
        confidence: Math.min(0.99, best.confidence + 0.05),
        message: `Hidden text carries instructions for an AI (${best.type}). Do not follow it.`,
        revealed: h.revealed,
      });
    }
  }

  if (on('exfiltration')) {
    findings.push(
      ...exfilFindings(input, format, code, {
        siteHosts: options.siteHosts,
        sensitiveValues: options.sensitiveValues,
        placeholders: options.placeholders,
      }),
    );
  }

  if (on('unsafeCode')) findings.push(...unsafeCodeFindings(input, regions, (pos) => code.has(pos)));

  return sortFindings(dedupe(findings));
}

function dedupe(findings: InspectionFinding[]): InspectionFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.rule}|${f.start}|${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortFindings(findings: InspectionFinding[]): InspectionFinding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind) || a.rule.localeCompare(b.rule));
}

/** Kinds present, space-separated, for the data-chatwarden-finding attribute. */
export function findingKinds(findings: InspectionFinding[]): string {
  return [...new Set(findings.map((f) => f.kind))].join(' ');
}

export { analyseInvisible };
