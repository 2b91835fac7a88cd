/**
 * A per-conversation pseudonym vault: value → placeholder, numbered per type ([EMAIL_1], [EMAIL_2],
 * [AWS_ACCESS_KEY_1]); the same value always gets the same placeholder. Pure and serializable: the background stores
 * `toJSON()` encrypted and rebuilds it with `fromJSON()`. No crypto or storage here.
 */

export interface VaultEntry {
  /** Placeholder name without brackets, e.g. `EMAIL_1`. */
  name: string;
  type: string;
  value: string;
}

export interface SerializedVault {
  version: 1;
  entries: VaultEntry[];
}

const TYPE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** Normalises a finding type into a placeholder type name (upper snake case). */
export function placeholderType(type: string): string {
  const cleaned = type.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^[_0-9]+|_+$/g, '');
  return cleaned || 'REDACTED';
}

export class PseudonymVault {
  private readonly nameByValue = new Map<string, string>();
  private readonly entryByName = new Map<string, VaultEntry>();
  private readonly counters = new Map<string, number>();

  /** The bracketed placeholder for a value, creating it on first sight: `[EMAIL_1]`. */
  placeholderFor(value: string, type: string): string {
    return `[${this.nameFor(value, type)}]`;
  }

  /** Like placeholderFor, without brackets: `EMAIL_1`. */
  nameFor(value: string, type: string): string {
    const existing = this.nameByValue.get(value);
    if (existing) return existing;
    const normalizedType = placeholderType(type);
    const next = (this.counters.get(normalizedType) ?? 0) + 1;
    this.counters.set(normalizedType, next);
    const name = `${normalizedType}_${next}`;
    const entry: VaultEntry = { name, type: normalizedType, value };
    this.nameByValue.set(value, name);
    this.entryByName.set(name, entry);
    return name;
  }

  /** The original value behind a placeholder name (case-insensitive, with or without brackets). */
  valueOf(placeholder: string): string | undefined {
    return this.entryByName.get(placeholder.replace(/^\[|\]$/g, '').toUpperCase())?.value;
  }

  entry(name: string): VaultEntry | undefined {
    return this.entryByName.get(name.toUpperCase());
  }

  /** Types that have at least one placeholder, for building the restore matcher. */
  types(): string[] {
    return [...this.counters.keys()];
  }

  entries(): VaultEntry[] {
    return [...this.entryByName.values()].map((entry) => ({ ...entry }));
  }

  get size(): number {
    return this.entryByName.size;
  }

  toJSON(): SerializedVault {
    return { version: 1, entries: this.entries() };
  }

  static fromJSON(data: unknown): PseudonymVault {
    const vault = new PseudonymVault();
    if (typeof data !== 'object' || data === null) throw new TypeError('vault: expected an object');
    const { version, entries } = data as { version?: unknown; entries?: unknown };
    if (version !== 1) throw new TypeError(`vault: unsupported version ${String(version)}`);
    if (!Array.isArray(entries)) throw new TypeError('vault: entries must be an array');
    for (const [index, raw] of entries.entries()) {
      const entry = raw as Partial<VaultEntry> | null;
      if (!entry || typeof entry.name !== 'string' || typeof entry.type !== 'string' || typeof entry.value !== 'string') {
        throw new TypeError(`vault: entry ${index} needs string name, type and value`);
      }
      const match = /^(.*)_(\d+)$/.exec(entry.name);
      if (!match || match[1] !== entry.type || !TYPE_PATTERN.test(entry.type)) {
        throw new TypeError(`vault: entry ${index} has a malformed placeholder name "${entry.name}"`);
      }
      if (vault.entryByName.has(entry.name) || vault.nameByValue.has(entry.value)) {
        throw new TypeError(`vault: entry ${index} duplicates a name or a value`);
      }
      const stored: VaultEntry = { name: entry.name, type: entry.type, value: entry.value };
      vault.entryByName.set(stored.name, stored);
      vault.nameByValue.set(stored.value, stored.name);
      const number = Number(match[2]);
      vault.counters.set(stored.type, Math.max(vault.counters.get(stored.type) ?? 0, number));
    }
    return vault;
  }
}
