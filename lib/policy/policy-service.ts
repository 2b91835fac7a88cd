/**
 * PolicyService: the background's single owner of policy. It reads the three sources (managed from
 * storage.managed, org from Dexie, user settings from Dexie), validates each, merges them (merge.ts) and tells
 * listeners when the effective policy changes.
 *
 * Bad input never loosens protection:
 * - A new managed policy or org import that fails validation is rejected whole; the last good one stays in force.
 * - The last good managed policy is persisted, so an invalid or unreadable managed policy at startup still leaves it.
 * - Stored data (last good managed, org versions, user settings) is re-validated at load; if a release made a field
 *   invalid, that field alone is dropped and reported (the rest still applies).
 */
import { canonicalJson, sha256Hex } from '../storage/canonical-json';
import { getDb, SETTING_KEYS, type ChatWardenDb } from '../storage/db';
import { browserManagedSource, type ManagedPolicySource, type ManagedRead } from './managed';
import {
  isPathLocked,
  mergePolicies,
  pathsSetBy,
  SOURCE_PRECEDENCE,
  type ConfigurableSource,
  type MergeOptions,
  type MergeResult,
} from './merge';
import { validatePolicyInput } from './schema';
import {
  FLAT_KEYED_FIELDS,
  type Policy,
  type PolicyFieldError,
  type PolicyInput,
  type PolicyIssue,
  type PolicySource,
} from './types';

export interface OrgPolicyInfo {
  version: number;
  hash: string;
  importedAt: number;
  label?: string;
}

export interface EffectivePolicy {
  policy: Policy;
  /** Source of each field, and of each key of keyed fields (`actions.pii`, `types.EMAIL`, ...). */
  sources: Record<string, PolicySource>;
  /** Paths the user cannot change (set by managed or org). */
  locked: string[];
  /** For customTerms/customPatterns: the source of each entry, index for index. */
  origins: MergeResult['origins'];
  /** Problems per source, newest state: rejected updates, dropped stored fields, ignored unknown keys, adjustments. */
  errors: PolicyIssue[];
  org: OrgPolicyInfo | null;
  managed: {
    /** A managed policy with at least one field is in force. */
    active: boolean;
    /** The managed policy in force is the persisted last good copy, not a fresh read. */
    fromLastGood: boolean;
    hash: string | null;
  };
}

export type PolicyResult =
  | { ok: true; warnings: PolicyFieldError[] }
  | { ok: false; errors: PolicyFieldError[]; warnings: PolicyFieldError[] };
export type ImportResult =
  | { ok: true; warnings: PolicyFieldError[]; org: OrgPolicyInfo }
  | { ok: false; errors: PolicyFieldError[]; warnings: PolicyFieldError[] };

export interface PolicyServiceOptions {
  db?: ChatWardenDb;
  managed?: ManagedPolicySource;
  now?: () => number;
  /** Which detection kind a type belongs to; pass the rule catalogue's lookup (see merge.ts rule 5). */
  kindOfType?: MergeOptions['kindOfType'];
}

interface LastGoodManaged {
  policy: PolicyInput;
  hash: string;
  at: number;
}

type ChangeListener = (effective: EffectivePolicy) => void;

function isEmpty(input: PolicyInput | undefined): boolean {
  return !input || Object.keys(input).length === 0;
}

export class PolicyService {
  private readonly db: ChatWardenDb;
  private readonly managedSource: ManagedPolicySource;
  private readonly now: () => number;
  private readonly mergeOptions: MergeOptions;

  private managedInput: PolicyInput | undefined;
  private managedHash: string | null = null;
  private managedFromLastGood = false;
  private org: { input: PolicyInput; info: OrgPolicyInfo } | undefined;
  private userInput: PolicyInput | undefined;
  private issues: Record<ConfigurableSource, PolicyIssue[]> = { managed: [], org: [], user: [] };
  private rejectedImportIssues: PolicyIssue[] = [];
  private effective: EffectivePolicy;
  private readonly listeners = new Set<ChangeListener>();
  private unsubscribeManaged: (() => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: PolicyServiceOptions = {}) {
    this.db = options.db ?? getDb();
    this.managedSource = options.managed ?? browserManagedSource();
    this.now = options.now ?? Date.now;
    this.mergeOptions = { kindOfType: options.kindOfType };
    this.effective = this.compute();
  }

  /** Runs policy operations one at a time (a managed change can arrive during an import). */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private issue(source: ConfigurableSource, severity: PolicyIssue['severity'], error: PolicyFieldError): PolicyIssue {
    return { source, severity, field: error.field, message: error.message, at: this.now() };
  }

  /** Validates stored data field by field: a field a newer release rejects is dropped, the rest still applies. */
  private salvage(source: ConfigurableSource, stored: unknown, what: string): PolicyInput | undefined {
    if (stored === undefined || stored === null) return undefined;
    const whole = validatePolicyInput(stored);
    if (whole.ok) return whole.policy;
    const kept: Record<string, unknown> = {};
    if (typeof stored === 'object' && !Array.isArray(stored)) {
      for (const [field, value] of Object.entries(stored)) {
        const single = validatePolicyInput({ [field]: value });
        if (single.ok) Object.assign(kept, single.policy);
      }
    }
    for (const error of whole.errors) {
      this.issues[source].push(
        this.issue(source, 'error', { field: error.field, message: `${error.message} (stored ${what}; field dropped)` }),
      );
    }
    return kept as PolicyInput;
  }

  /** Reads every source and starts watching managed storage. Safe to call again (e.g. after deleteAllData). */
  load(): Promise<EffectivePolicy> {
    return this.serial(async () => {
      this.issues = { managed: [], org: [], user: [] };
      this.rejectedImportIssues = [];

      const lastGood = (await this.db.settings.get(SETTING_KEYS.managedLastGood))?.value as LastGoodManaged | undefined;
      if (lastGood) {
        this.managedInput = this.salvage('managed', lastGood.policy, 'last good managed policy');
        this.managedHash = lastGood.hash;
        this.managedFromLastGood = true;
      } else {
        this.managedInput = undefined;
        this.managedHash = null;
        this.managedFromLastGood = false;
      }

      const latestOrg = await this.db.orgPolicies.orderBy('version').last();
      this.org = latestOrg
        ? {
            input: this.salvage('org', latestOrg.policy, `org policy version ${latestOrg.version}`) ?? {},
            info: {
              version: latestOrg.version!,
              hash: latestOrg.hash,
              importedAt: latestOrg.importedAt,
              ...(latestOrg.label !== undefined ? { label: latestOrg.label } : {}),
            },
          }
        : undefined;

      const user = await this.db.settings.get(SETTING_KEYS.userSettings);
      this.userInput = this.salvage('user', user?.value, 'user settings');

      await this.applyManagedRead(await this.managedSource.read());
      this.unsubscribeManaged ??= this.managedSource.subscribe(() => {
        void this.refreshManaged();
      });
      return this.publish();
    });
  }

  /** Re-reads storage.managed (called on storage.onChanged for area 'managed'). */
  refreshManaged(): Promise<EffectivePolicy> {
    return this.serial(async () => {
      await this.applyManagedRead(await this.managedSource.read());
      return this.publish();
    });
  }

  private async applyManagedRead(read: ManagedRead): Promise<void> {
    if (!read.ok) {
      const consequence = this.managedInput ? 'the last good managed policy stays in force' : 'no managed policy applies';
      const message = `${read.message}; ${consequence}`;
      this.issues.managed = [this.issue('managed', 'error', { field: 'policy', message })];
      return;
    }
    const result = validatePolicyInput(read.value);
    if (!result.ok) {
      const keeping = this.managedInput
        ? 'rejected; the last good managed policy stays in force'
        : 'rejected; no managed policy applies';
      this.issues.managed = [
        ...result.errors.map((error) =>
          this.issue('managed', 'error', { field: error.field, message: `${error.message} (managed policy ${keeping})` }),
        ),
        ...result.warnings.map((warning) => this.issue('managed', 'warning', warning)),
      ];
      return;
    }
    this.issues.managed = result.warnings.map((warning) => this.issue('managed', 'warning', warning));
    const hash = await sha256Hex(canonicalJson(result.policy));
    this.managedInput = isEmpty(result.policy) ? undefined : result.policy;
    this.managedFromLastGood = false;
    if (hash !== this.managedHash) {
      this.managedHash = hash;
      const record: LastGoodManaged = { policy: result.policy, hash, at: this.now() };
      await this.db.settings.put({ key: SETTING_KEYS.managedLastGood, value: record, updatedAt: this.now() });
    }
  }

  private compute(): EffectivePolicy {
    const inputs: Partial<Record<ConfigurableSource, PolicyInput>> = {};
    if (!isEmpty(this.managedInput)) inputs.managed = this.managedInput;
    if (this.org && !isEmpty(this.org.input)) inputs.org = this.org.input;
    if (!isEmpty(this.userInput)) inputs.user = this.userInput;
    const merged = mergePolicies(inputs, this.mergeOptions);
    const adjustments = merged.adjustments.map((adjustment) => this.issue(adjustment.source, 'warning', adjustment));
    return {
      policy: merged.policy,
      sources: merged.sources,
      locked: merged.locked,
      origins: merged.origins,
      errors: [...SOURCE_PRECEDENCE.flatMap((source) => this.issues[source]), ...this.rejectedImportIssues, ...adjustments],
      org: this.org ? { ...this.org.info } : null,
      managed: {
        active: inputs.managed !== undefined,
        fromLastGood: this.managedFromLastGood,
        hash: this.managedHash,
      },
    };
  }

  private publish(): EffectivePolicy {
    this.effective = this.compute();
    for (const listener of this.listeners) {
      try {
        listener(this.effective);
      } catch (error) {
        console.error('[chatwarden] policy listener failed', error);
      }
    }
    return this.effective;
  }

  /** The effective policy with sources, locks and errors. Call load() first (before it: defaults). */
  getEffective(): EffectivePolicy {
    return this.effective;
  }

  /** Calls `listener` after every change of the effective policy (or of its errors). Returns an unsubscribe. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Imports an org policy (a JSON string or parsed JSON). Valid: stored as a new version (unless identical to the
   * current one) and applied. Invalid: rejected with field errors; the current org policy stays.
   */
  importOrgPolicy(json: unknown, label?: string): Promise<ImportResult> {
    return this.serial(async () => {
      const result = validatePolicyInput(json);
      if (!result.ok) {
        // Shown until the next import; the org policy in force keeps its own issues.
        const inForce = this.org ? `version ${this.org.info.version}` : 'no org policy';
        this.rejectedImportIssues = result.errors.map((error) =>
          this.issue('org', 'error', {
            field: error.field,
            message: `${error.message} (import rejected; ${inForce} stays in force)`,
          }),
        );
        this.publish();
        return { ok: false, errors: result.errors, warnings: result.warnings };
      }
      const hash = await sha256Hex(canonicalJson(result.policy));
      if (!this.org || this.org.info.hash !== hash) {
        const importedAt = this.now();
        const version = await this.db.orgPolicies.add({
          policy: result.policy,
          hash,
          importedAt,
          ...(label !== undefined ? { label } : {}),
        });
        this.org = {
          input: result.policy,
          info: { version: version!, hash, importedAt, ...(label !== undefined ? { label } : {}) },
        };
      }
      this.issues.org = result.warnings.map((warning) => this.issue('org', 'warning', warning));
      this.rejectedImportIssues = [];
      this.publish();
      return { ok: true, warnings: result.warnings, org: { ...this.org!.info } };
    });
  }

  /** The org policy in force as pretty JSON (re-importable), or null when there is none. */
  async exportOrgPolicy(): Promise<string | null> {
    await this.queue;
    return this.org ? JSON.stringify(this.org.input, null, 2) : null;
  }

  /** Every imported version, newest first (without the policy bodies). */
  async listOrgPolicyVersions(): Promise<OrgPolicyInfo[]> {
    const rows = await this.db.orgPolicies.orderBy('version').reverse().toArray();
    return rows.map((row) => ({
      version: row.version!,
      hash: row.hash,
      importedAt: row.importedAt,
      ...(row.label !== undefined ? { label: row.label } : {}),
    }));
  }

  /** Stops applying an org policy (its versions stay listed until deleteAllData). */
  removeOrgPolicy(): Promise<EffectivePolicy> {
    return this.serial(async () => {
      await this.db.orgPolicies.clear();
      this.org = undefined;
      this.issues.org = [];
      return this.publish();
    });
  }

  /** The user's own settings (what setUserSettings stored), not the effective policy. */
  getUserSettings(): PolicyInput {
    return structuredClone(this.userInput ?? {});
  }

  /**
   * Changes user settings. `partial` uses the policy schema: top-level fields replace the user's value, keyed fields
   * (actions, types, inspection, sites, selectorOverrides) change only the keys given, customTerms/customPatterns
   * replace the user's own list. Rejected as a whole, with field errors, if any field is invalid, locked (set by
   * managed or org policy) or would undercut a higher source (merge.ts rule 5).
   */
  setUserSettings(partial: unknown): Promise<PolicyResult> {
    return this.serial(async () => {
      const validation = validatePolicyInput(partial);
      if (!validation.ok) return { ok: false, errors: validation.errors, warnings: validation.warnings };
      const current = this.effective;
      const lockedErrors = pathsSetBy(validation.policy)
        .filter((path) => isPathLocked(current.locked, path))
        .map((path) => {
          const owner = current.sources[path] === 'managed' ? 'managed (administrator)' : 'organization';
          return { field: path, message: `locked: set by ${owner} policy` };
        });
      if (lockedErrors.length > 0) return { ok: false, errors: lockedErrors, warnings: validation.warnings };

      const next = applyUserPartial(this.userInput ?? {}, validation.policy);
      const whole = validatePolicyInput(next);
      if (!whole.ok) return { ok: false, errors: whole.errors, warnings: validation.warnings };

      const inputs: Partial<Record<ConfigurableSource, PolicyInput>> = { user: whole.policy };
      if (!isEmpty(this.managedInput)) inputs.managed = this.managedInput;
      if (this.org && !isEmpty(this.org.input)) inputs.org = this.org.input;
      const touched = new Set(pathsSetBy(validation.policy));
      const undercuts = mergePolicies(inputs, this.mergeOptions).adjustments.filter(
        (adjustment) => adjustment.source === 'user' && touched.has(adjustment.field),
      );
      if (undercuts.length > 0) {
        return {
          ok: false,
          errors: undercuts.map(({ field, message }) => ({ field, message })),
          warnings: validation.warnings,
        };
      }

      await this.db.settings.put({ key: SETTING_KEYS.userSettings, value: whole.policy, updatedAt: this.now() });
      this.userInput = whole.policy;
      this.issues.user = [];
      this.publish();
      return { ok: true, warnings: validation.warnings };
    });
  }

  /** Removes user settings: the given paths (`failMode`, `actions.pii`, `selectorOverrides.chatgpt.composer`), or all. */
  resetUserSettings(paths?: string[]): Promise<EffectivePolicy> {
    return this.serial(async () => {
      let next: PolicyInput = {};
      if (paths) {
        next = structuredClone(this.userInput ?? {});
        for (const path of paths) removePath(next as Record<string, unknown>, path.split('.'));
      }
      if (isEmpty(next)) await this.db.settings.delete(SETTING_KEYS.userSettings);
      else await this.db.settings.put({ key: SETTING_KEYS.userSettings, value: next, updatedAt: this.now() });
      this.userInput = isEmpty(next) ? undefined : next;
      this.issues.user = [];
      return this.publish();
    });
  }

  /** Stops listening to storage.managed (tests; the service worker lives as long as the extension). */
  dispose(): void {
    this.unsubscribeManaged?.();
    this.unsubscribeManaged = undefined;
    this.listeners.clear();
  }
}

function applyUserPartial(current: PolicyInput, partial: PolicyInput): PolicyInput {
  const next = structuredClone(current) as Record<string, unknown>;
  for (const [field, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    if ((FLAT_KEYED_FIELDS as readonly string[]).includes(field)) {
      next[field] = { ...((next[field] as object | undefined) ?? {}), ...(value as object) };
    } else if (field === 'selectorOverrides') {
      const merged = { ...((next[field] as Record<string, object> | undefined) ?? {}) };
      for (const [site, roles] of Object.entries(value as Record<string, object>)) {
        merged[site] = { ...(merged[site] ?? {}), ...roles };
      }
      next[field] = merged;
    } else next[field] = structuredClone(value);
  }
  return next as PolicyInput;
}

function removePath(target: Record<string, unknown>, path: string[]): void {
  const [head, ...rest] = path;
  if (head === undefined || !Object.prototype.hasOwnProperty.call(target, head)) return;
  if (rest.length === 0) {
    delete target[head];
    return;
  }
  const child = target[head];
  if (typeof child === 'object' && child !== null) {
    removePath(child as Record<string, unknown>, rest);
    if (Object.keys(child).length === 0) delete target[head];
  }
}
