/** Data the in-page finding notices render. Reply content only (the page has it anyway); never a vault value. */
import type { InspectionKind } from '../../lib/inspection/types';

export interface NoticeFinding {
  kind: InspectionKind;
  /** The engine's message: what is wrong and the safer way. */
  message: string;
  /** Decoded hidden payload, shown escaped. */
  revealed?: string;
  /** Real target host of an exfiltration link or image. */
  target?: string;
  cwe?: string;
}

export interface FindingNoticeProps {
  findings: NoticeFinding[];
  /** Images replaced by a box in this turn. */
  blockedImages: number;
  /** Whether the reply is still streaming (the verdict may still change). */
  streaming: boolean;
}

export const KIND_LABELS: Record<InspectionKind, string> = {
  'hidden-text': 'hidden text',
  injection: 'instructions aimed at the assistant',
  'exfil-link': 'a link or image that would send data away',
  'unsafe-code': 'unsafe code',
};
