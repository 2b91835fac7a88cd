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
