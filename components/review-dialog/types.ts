/** Data the in-page guard UI renders. Holds masked previews only: the UI's shadow root is readable by the page. */
import type { Action } from '../../lib/policy/types';

export interface ReviewItem {
  id: number;
  type: string;
  /** The engine's one-line message (never the value). */
  message: string;
  /** e.g. `sk-p…3xQ`. */
  masked: string;
  action: Action;
  /** Policy lets the user send this one as typed. */
  canAllow: boolean;
}

export interface TokenInfo {
  count: number;
  limit: number;
  encoding: string;
}

export interface ReviewRequest {
  title: string;
  items: ReviewItem[];
  requireJustification: boolean;
  tokens?: TokenInfo;
  /** Label of the primary button ('Send', 'Paste', 'Upload'). */
  proceedLabel: string;
}

export type ReviewChoice = 'send' | 'edit' | 'cancel';

export interface ReviewResult {
  choice: ReviewChoice;
  /** Ids of items the user allowed once (sent as typed). */
  allowed: number[];
  justification: string;
}

export type NoticeTone = 'info' | 'warning' | 'error';

/** A button on a notice (e.g. "Undo" after a paste redaction). */
export interface NoticeAction {
  label: string;
  onAction: () => void;
}

export interface Notice {
  id: number;
  tone: NoticeTone;
  text: string;
  action?: NoticeAction;
}

export interface Banner {
  text: string;
  /** Whether sends are held (fail closed) or go through (fail open). */
  held: boolean;
}
