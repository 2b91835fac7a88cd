/**
 * Resolving a role to elements: admin overrides from policy first, then the adapter's candidates in order.
 * Every querySelector runs in try/catch: an override is data typed by an admin and may be invalid CSS.
 */
import type { AdapterRole, SiteAdapter } from './types';

export type SelectorOverrides = Partial<Record<AdapterRole, string[]>> | undefined;

export interface RoleMatch {
  element: Element;
  /** The selector that matched, for the health report. */
  selector: string;
  fromOverride: boolean;
}

function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function candidateSelectors(adapter: SiteAdapter, role: AdapterRole, overrides: SelectorOverrides) {
  const fromPolicy = (overrides?.[role] ?? []).map((selector) => ({ selector, fromOverride: true }));
  const builtIn = adapter.selectors[role].map((candidate) => ({ selector: candidate.selector, fromOverride: false }));
  return [...fromPolicy, ...builtIn];
}

/** All elements of the first candidate selector that matches anything acceptable. */
export function queryRoleAll(
  adapter: SiteAdapter,
  role: AdapterRole,
  overrides: SelectorOverrides,
  root: ParentNode = document,
): RoleMatch[] {
  const accept = adapter.accept?.[role];
  for (const { selector, fromOverride } of candidateSelectors(adapter, role, overrides)) {
    const elements = safeQueryAll(root, selector).filter((element) => !accept || accept(element));
    if (elements.length > 0) return elements.map((element) => ({ element, selector, fromOverride }));
  }
  return [];
}

export function queryRole(
  adapter: SiteAdapter,
  role: AdapterRole,
  overrides: SelectorOverrides,
  root: ParentNode = document,
): RoleMatch | null {
  return queryRoleAll(adapter, role, overrides, root)[0] ?? null;
}

/**
 * The element of a role nearest to an anchor (the composer): Claude's sidebar buttons can match aria-based send
 * selectors, so among several matches the one closest to the composer wins (PA-doc).
 */
export function queryRoleNear(
  adapter: SiteAdapter,
  role: AdapterRole,
  overrides: SelectorOverrides,
  anchor: Element | null,
  root: ParentNode = document,
): Element | null {
  const matches = queryRoleAll(adapter, role, overrides, root).map((match) => match.element);
  if (matches.length <= 1 || !anchor) return matches[0] ?? null;
  return matches.reduce((best, candidate) =>
    treeDistance(anchor, candidate) < treeDistance(anchor, best) ? candidate : best,
  );
}

/** Number of steps from `a` up to the common ancestor and down to `b`: cheap, layout-free proximity. */
export function treeDistance(a: Element, b: Element): number {
  const ancestorsOfA = new Map<Node, number>();
  let depth = 0;
  for (let node: Node | null = a; node; node = node.parentNode) ancestorsOfA.set(node, depth++);
  depth = 0;
  for (let node: Node | null = b; node; node = node.parentNode) {
    const up = ancestorsOfA.get(node);
    if (up !== undefined) return up + depth;
    depth++;
  }
  return Number.POSITIVE_INFINITY;
}
