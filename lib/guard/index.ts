/**
 * The outbound guard's entry points: startGuard (called by each site's content script) and scrubForNetwork (called
 * through the network bridge by the MAIN-world fetch/XHR wrapper, lib/guard/network).
 */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '../adapters/types';
import { PseudonymVault } from '../anonymize';
import { redactAllowing } from './allowlist';
import { scan } from '../detection';
import { isEnvelope, type BackgroundToContent } from '../messaging/protocol';
import { DEFAULT_POLICY, toScanPolicy } from '../policy/defaults';
import { planFindings, type PlannedFinding } from './decide';
import { startInbound, type InboundHandle } from './inbound';
import { startNetworkBridge, type NetworkBridgeHandle } from './network/bridge-isolated';
import { OutboundGuard } from './outbound-guard';
import type { ReportItem } from './report';

let activeGuard: OutboundGuard | null = null;
let fallbackVault: PseudonymVault | null = null;
/** Network redactions repeat with every draft request; report each value once per this window. */
const NETWORK_REPORT_INTERVAL_MS = 10 * 60 * 1000;
const lastNetworkReport = new Map<string, number>();

export function getActiveGuard(): OutboundGuard | null {
  return activeGuard;
}

/**
 * Redacts strings about to leave in the site's own requests, with the same engine, policy and conversation vault as the
 * composer, so a draft and the final send get the same placeholders. Synchronous (the MAIN world waits on it).
 * Values the user allowed once in the review dialog pass; findings whose action is warn or allow pass.
 * Throws if the engine fails: the bridge then fails the request closed (or open, by policy).
 */
export function scrubForNetwork(strings: string[]): string[] {
  const guard = activeGuard;
  if (guard && !guard.active) return strings;
  const scanPolicy = guard ? guard.scanPolicyForNetwork : toScanPolicy(DEFAULT_POLICY);
  const vault = guard ? guard.conversation.vault : (fallbackVault ??= new PseudonymVault());
  let changed = false;
  const report: ReportItem[] = [];
  const scrubbed = strings.map((text) => {
    if (typeof text !== 'string' || text.length === 0) return text;
    const plan = planFindings(text, scan(text, scanPolicy), scanPolicy);
    const toRedact: PlannedFinding[] = [...plan.block, ...plan.review, ...plan.redact].filter(
      (planned) => !guard?.isAllowedOnce(planned.value) && !guard?.isAlwaysAllowed(planned.value),
    );
    if (toRedact.length === 0) return text;
    const result = redactAllowing(text, vault, toRedact.map((planned) => planned.finding), (value) => guard?.isAlwaysAllowed(value) ?? false);
    changed = true;
    const now = Date.now();
    for (const replacement of result.replacements) {
      const planned = toRedact.find((candidate) => candidate.finding === replacement.finding);
      if (!planned) continue;
      const key = `${planned.finding.type}\u0000${planned.value}`;
      if ((lastNetworkReport.get(key) ?? 0) + NETWORK_REPORT_INTERVAL_MS > now) continue;
      lastNetworkReport.set(key, now);
      report.push({ planned, outcome: 'redacted', placeholder: replacement.placeholder });
    }
    return result.text;
  });
  if (changed && guard) {
    guard.conversation.changed();
    guard.report('network', report);
  }
  return scrubbed;
}

function listenToBackground(
  guard: OutboundGuard,
  bridge: NetworkBridgeHandle,
  ctx: ContentScriptContext,
  inbound: () => InboundHandle | null,
): void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void) => {
    // Only the background (no tab, this extension) may change the guard's policy or pause state.
    if (sender.id !== browser.runtime.id || sender.tab || !isEnvelope(message)) return undefined;
    if (message.type === 'bg-cs:undo-redaction') {
      const { id } = message.payload as BackgroundToContent['bg-cs:undo-redaction']['request'];
      void guard.undoRedaction(String(id)).then(sendResponse, (error: unknown) =>
        sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
      return true;
    }
    if (message.type === 'bg-cs:allowlist-changed') {
      const { values } = message.payload as BackgroundToContent['bg-cs:allowlist-changed']['request'];
      guard.setAlwaysAllowed(Array.isArray(values) ? values : []);
      return undefined;
    }
    if (message.type === 'bg-cs:policy-changed') {
      const { policy } = message.payload as BackgroundToContent['bg-cs:policy-changed']['request'];
      guard.applyPolicy(policy);
      inbound()?.refresh();
    } else if (message.type === 'bg-cs:paused-changed') {
      const { paused } = message.payload as BackgroundToContent['bg-cs:paused-changed']['request'];
      guard.setPaused(paused);
    } else return undefined;
    bridge.setMode({ failMode: guard.policy.failMode, active: guard.active });
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
}

/** Starts the guard for one site in this tab. Call from the site's content script `main(ctx)`. */
export function startGuard(ctx: ContentScriptContext, adapter: SiteAdapter): OutboundGuard {
  const guard = new OutboundGuard(adapter, ctx);
  activeGuard = guard;
  guard.start();
  const bridge = startNetworkBridge(scrubForNetwork, { failMode: 'closed', active: true });
  let inbound: InboundHandle | null = null;
  listenToBackground(guard, bridge, ctx, () => inbound);
  void guard.whenReady().then(() => {
    bridge.setMode({ failMode: guard.policy.failMode, active: guard.active });
    // Replies: inspection and display-only restore (lib/guard/inbound), reading the same vault and policy.
    inbound = startInbound(ctx, adapter, { getVault: () => guard.conversation.vault, getPolicy: () => guard.policy });
  });
  document.documentElement.dataset.chatwardenGuard = adapter.site;
  ctx.onInvalidated(() => {
    if (activeGuard === guard) activeGuard = null;
  });
  return guard;
}
