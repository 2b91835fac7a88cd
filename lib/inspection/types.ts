/** Public types of the reply-inspection engine. Pure TypeScript, no DOM. */

export type InspectionKind = 'hidden-text' | 'injection' | 'exfil-link' | 'unsafe-code';

export interface InspectionFinding {
  kind: InspectionKind;
  /** Sub-type, e.g. TAG_CHARACTERS, BIDI_OVERRIDE, IGNORE_PREVIOUS, MARKDOWN_IMAGE_EXFIL, CURL_PIPE_SHELL. */
  type: string;
  /** UTF-16 offsets into the inspected text; end exclusive. */
  start: number;
  end: number;
  rule: string;
  confidence: number;
  /** What is wrong and the safer way; never executable. */
  message: string;
  /** CWE id where one applies (unsafe code), e.g. 'CWE-78'. */
  cwe?: string;
  /** Decoded hidden payload (tag characters, zero-width binary, base64), shown escaped to the user. */
  revealed?: string;
  /** For exfil links: the real target host. */
  target?: string;
}

/** Which detector families run (all on by default). */
export interface InspectionFamilies {
  hiddenText?: boolean;
  injection?: boolean;
  exfiltration?: boolean;
  unsafeCode?: boolean;
}

export interface InspectOptions {
  families?: InspectionFamilies;
  /** The chat site's own hosts (e.g. chatgpt.com, oaiusercontent.com): links and images there are fine. */
  siteHosts?: string[];
  /** Raw values from the user's vault: a URL carrying one is exfiltration. Never echoed in messages. */
  sensitiveValues?: string[];
  /** Placeholders in use in this conversation, e.g. [EMAIL_1]: a URL carrying one is exfiltration. */
  placeholders?: string[];
  /** How to read the text (default markdown): html also looks at tags; text skips markdown link syntax. */
  format?: 'markdown' | 'text' | 'html';
}

export interface InspectionRuleExamples {
  /** Each must produce at least one finding of this rule. */
  positive: string[];
  /** Each must produce no finding of this rule. */
  negative: string[];
}

/**
 * A rule of the inspection catalogue: data with a stable id, mirroring lib/detection's Rule. The engines own the loop
 * (keyword prefilter → regex → guards → score); the catalogue test runs every example and checks every regex is linear.
 */
export interface InspectionRule {
  /** Stable kebab-case id; never renamed once shipped. */
  id: string;
  kind: InspectionKind;
  type: string;
  description: string;
  /** Regexes the rule runs over text (for the linear-time check). */
  patterns: RegExp[];
  /** Regexes run only at start-literal positions with the sticky flag; checked for linear time as ^(?:source). */
  anchored?: RegExp[];
  examples: InspectionRuleExamples;
  cwe?: string;
}

/** Verdict on one URL that a page is about to fetch or offer (an <img> src or <a> href). */
export interface ExfilVerdict {
  exfil: boolean;
  /** Short machine-readable reason: 'placeholder', 'sensitive-value', 'template', 'encoded-data', ... or 'ok'. */
  reason: string;
  host: string;
  confidence: number;
}
