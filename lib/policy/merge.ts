/**
 * Merging the sources into the effective policy. Precedence: managed ▸ org ▸ user ▸ defaults.
 *
 * Rules (documented in docs/admin.md, tested in test/unit/policy/merge.test.ts):
 * 1. Plain fields: the highest source that sets the field wins.
 * 2. Keyed fields (`actions`, `types`, `inspection`, `sites`, `selectorOverrides`): the same, key by key
 *    (`selectorOverrides` per site and role).
 * 3. `customTerms` and `customPatterns` are combined: managed entries, then org, then user. A lower source can add
 *    entries; it can never drop a higher source's.
 * 4. Whatever managed or org sets (a field, or a key of a keyed field) is locked: the user cannot change it.
 * 5. A per-type override may not undercut a kind action set by a higher source: if managed says `actions.pii: block`,
 *    an org or user `types.EMAIL: allow` would bypass it, so it is raised to `block` and reported. Which kind a type
 *    belongs to comes from `kindOfType` (the background passes the rule catalogue); for a type it cannot place, the
 *    strictest kind action set by a higher source applies. Likewise a type override may not undercut the action of a
 *    higher source's custom term or pattern with that type.
 */
import { labelToType } from '../detection/custom';
import { DEFAULT_POLICY, defaultPolicy } from './defaults';
import {
  ACTIONS_BY_STRICTNESS,
  COMBINED_LIST_FIELDS,
  DETECTION_KINDS,
  FLAT_KEYED_FIELDS,
  KEYED_FIELDS,
  type Action,
  type AdapterRole,
  type DetectionKind,
  type Policy,
  type PolicyField,
  type PolicyFieldError,
  type PolicyInput,
  type PolicySource,
  type SiteId,
} from './types';

export type ConfigurableSource = Exclude<PolicySource, 'default'>;
/** Highest precedence first. */
export const SOURCE_PRECEDENCE: readonly ConfigurableSource[] = ['managed', 'org', 'user'];

export type SourceInputs = Partial<Record<ConfigurableSource, PolicyInput>>;

export interface MergeOptions {
  /** Which detection kind a placeholder type belongs to (EMAIL → pii). Unknown types are treated conservatively. */
  kindOfType?: (type: string) => DetectionKind | undefined;
}

export interface MergeResult {
  policy: Policy;
  /**
   * Where each value comes from. Keys are field names (`failMode`) and, for keyed fields, dotted paths
   * (`actions.pii`, `types.EMAIL`, `sites.claude`, `selectorOverrides.chatgpt.composer`). A keyed field's own entry
   * names the highest source that set any of its keys.
   */
  sources: Record<string, PolicySource>;
  /** Paths (same form as `sources`) the user cannot change. */
  locked: string[];
  /** For combined lists: the source of each entry, index for index. */
  origins: Record<(typeof COMBINED_LIST_FIELDS)[number], ConfigurableSource[]>;
  /** Values the merge changed to keep rule 5, reported against the source whose value was raised. */
  adjustments: Array<PolicyFieldError & { source: ConfigurableSource }>;
}

const PLAIN_FIELDS = (Object.keys(DEFAULT_POLICY) as PolicyField[]).filter(
  (field) =>
    !([...KEYED_FIELDS, ...COMBINED_LIST_FIELDS] as readonly string[]).includes(field),
);

export function strictness(action: Action): number {
  return ACTIONS_BY_STRICTNESS.length - ACTIONS_BY_STRICTNESS.indexOf(action);
}

export function stricterOf(a: Action, b: Action): Action {
  return strictness(a) >= strictness(b) ? a : b;
}

function isLocking(source: PolicySource): boolean {
  return source === 'managed' || source === 'org';
}

function rank(source: PolicySource): number {
  return source === 'managed' ? 0 : source === 'org' ? 1 : source === 'user' ? 2 : 3;
}

export function mergePolicies(inputs: SourceInputs, options: MergeOptions = {}): MergeResult {
  const policy = defaultPolicy();
  const sources: Record<string, PolicySource> = {};
  const locked: string[] = [];
  const adjustments: MergeResult['adjustments'] = [];
  const setAt = (path: string, source: PolicySource) => {
    sources[path] = source;
    if (isLocking(source)) locked.push(path);
  };
  const present = SOURCE_PRECEDENCE.filter((source) => inputs[source] !== undefined);

  for (const field of PLAIN_FIELDS) {
    const winner = present.find((source) => inputs[source]![field] !== undefined);
    if (winner) {
      (policy as unknown as Record<string, unknown>)[field] = structuredClone(inputs[winner]![field]);
      setAt(field, winner);
    } else sources[field] = 'default';
  }

  // Keyed fields with scalar values.
  for (const field of FLAT_KEYED_FIELDS) {
    const target = policy[field] as Record<string, unknown>;
    let highest: PolicySource = 'default';
    for (const key of Object.keys(target)) sources[`${field}.${key}`] = 'default';
    // Lowest precedence first, so higher sources overwrite.
    for (const source of [...present].reverse()) {
      const values = inputs[source]![field] as Record<string, unknown> | undefined;
      if (!values) continue;
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) continue;
        target[key] = value;
        sources[`${field}.${key}`] = source;
      }
      highest = source;
    }
    sources[field] = highest;
    for (const key of Object.keys(target)) {
      if (isLocking(sources[`${field}.${key}`]!)) locked.push(`${field}.${key}`);
    }
  }

  // selectorOverrides: per site and role.
  {
    let highest: PolicySource = 'default';
    const merged: Policy['selectorOverrides'] = {};
    for (const source of [...present].reverse()) {
      const overrides = inputs[source]!.selectorOverrides;
      if (!overrides) continue;
      for (const [site, roles] of Object.entries(overrides) as Array<[SiteId, Partial<Record<AdapterRole, string[]>>]>) {
        if (!roles) continue;
        for (const [role, selectors] of Object.entries(roles) as Array<[AdapterRole, string[] | undefined]>) {
          if (!selectors) continue;
          (merged[site] ??= {})[role] = [...selectors];
          sources[`selectorOverrides.${site}.${role}`] = source;
        }
      }
      highest = source;
    }
    policy.selectorOverrides = merged;
    sources.selectorOverrides = highest;
    for (const [path, source] of Object.entries(sources)) {
      if (path.startsWith('selectorOverrides.') && isLocking(source)) locked.push(path);
    }
  }

  // Combined lists.
  const origins = { customTerms: [], customPatterns: [] } as MergeResult['origins'];
  for (const field of COMBINED_LIST_FIELDS) {
    const combined: unknown[] = [];
    const seen = new Set<string>();
    for (const source of present) {
      for (const entry of inputs[source]![field] ?? []) {
        const key = JSON.stringify(entry);
        if (seen.has(key)) continue; // the same entry from two sources counts once, under the higher source
        seen.add(key);
        combined.push(structuredClone(entry));
        origins[field].push(source);
      }
    }
    (policy as unknown as Record<string, unknown>)[field] = combined;
    sources[field] = origins[field][0] ?? 'default';
  }

  // Rule 5: per-type overrides may not undercut a higher source's kind action.
  for (const [type, action] of Object.entries(policy.types)) {
    const typeSource = sources[`types.${type}`]!;
    if (typeSource === 'default' || typeSource === 'managed') continue;
    const kind = options.kindOfType?.(type) ?? (customTypes(policy).has(type) ? 'custom' : undefined);
    const kinds: readonly DetectionKind[] = kind ? [kind] : DETECTION_KINDS;
    let floor: Action | undefined;
    for (const candidate of kinds) {
      const kindSource = sources[`actions.${candidate}`]!;
      if (kindSource === 'default' || rank(kindSource) >= rank(typeSource)) continue;
      const kindAction = policy.actions[candidate];
      floor = floor ? stricterOf(floor, kindAction) : kindAction;
    }
    // A custom entry from a higher source carries its own action; a type override would replace it.
    let entryFloor: Action | undefined;
    for (const field of COMBINED_LIST_FIELDS) {
      policy[field].forEach((entry, index) => {
        if (customTypeName(entry.label) !== type || rank(origins[field][index]!) >= rank(typeSource)) return;
        entryFloor = entryFloor ? stricterOf(entryFloor, entry.action) : entry.action;
      });
    }
    if (entryFloor) floor = floor ? stricterOf(floor, entryFloor) : entryFloor;
    if (floor && strictness(action) < strictness(floor)) {
      policy.types[type] = floor;
      const what = entryFloor ? `a custom rule or kind action` : kind ? `actions.${kind}` : 'the kind actions';
      adjustments.push({
        source: typeSource,
        field: `types.${type}`,
        message: `'${action}' is looser than what ${what} of a higher source requires; '${floor}' applies`,
      });
    }
  }

  return { policy, sources, locked: [...new Set(locked)].sort(), origins, adjustments };
}

/** Placeholder types of custom rules: their labels, upper-snake-cased exactly as lib/detection names them. */
export function customTypeName(label: string): string {
  return labelToType(label);
}

function customTypes(policy: Policy): Set<string> {
  return new Set([...policy.customTerms, ...policy.customPatterns].map((rule) => customTypeName(rule.label)));
}

/** Whether `path` (e.g. `actions.pii` or `failMode`) or one of its parents is locked. */
export function isPathLocked(locked: readonly string[], path: string): boolean {
  return locked.some((entry) => entry === path || path.startsWith(`${entry}.`));
}

/**
 * The paths a user partial would set, in the same form as `MergeResult.sources` (keyed fields per key). Combined
 * lists are not listed: user entries add to them and never replace a higher source's.
 */
export function pathsSetBy(input: PolicyInput): string[] {
  const paths: string[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || (COMBINED_LIST_FIELDS as readonly string[]).includes(field)) continue;
    if (field === 'selectorOverrides') {
      for (const [site, roles] of Object.entries(value as Record<string, Record<string, unknown>>)) {
        for (const role of Object.keys(roles ?? {})) paths.push(`selectorOverrides.${site}.${role}`);
      }
    } else if ((FLAT_KEYED_FIELDS as readonly string[]).includes(field)) {
      for (const key of Object.keys(value as object)) paths.push(`${field}.${key}`);
    } else paths.push(field);
  }
  return paths;
}
