/**
 * X-Case-Ref: the caller's case number that justifies a full disclosure of personal data. A reference that
 * is blank once normalized (spaces, an ideographic space, a zero-width space) justifies nothing: it would
 * unlock the value while the audit trail recorded no case.
 */

import { escapeInvisible } from "../domain/invisible-characters";

/** The most characters a case number plausibly has (`（2024）豫15知民初32号` has 15). */
export const CASE_REF_MAX_LENGTH = 100;

export interface CaseReference {
  /** The reference as the audit trail records it: NFC, trimmed, at most the maximum length (a refused one with its invisible characters written `<U+202E>`); null when absent. */
  readonly value: string | null;
  /** Why it cannot justify a disclosure; null when it can. */
  readonly problem: "CASE_REF_MISSING" | "CASE_REF_INVALID" | null;
}

// Trimmed from both ends: every Unicode space (U+3000 included) and every character that renders as nothing
// (format characters, and "letters" such as the Hangul filler U+3164 that are default-ignorable).
const EDGES = /^[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}]+|[\p{White_Space}\p{Cf}\p{Default_Ignorable_Code_Point}]+$/gu;
// Never inside a case number: control, format (zero-width), default-ignorable, private-use, unassigned, line
// and paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u;
// A case number has at least one letter or digit (any script: 豫, 15, 知).
const VISIBLE = /[\p{L}\p{N}]/u;

/** Reads the header as sent (already percent-decoded, or undefined when absent). */
export function caseReference(raw: string | undefined): CaseReference {
  if (raw === undefined) return { value: null, problem: "CASE_REF_MISSING" };
  const value = raw.normalize("NFC").replace(EDGES, "");
  const valid = value.length > 0 && [...value].length <= CASE_REF_MAX_LENGTH && !INVISIBLE.test(value) && VISIBLE.test(value);
  // A refused reference is recorded with its invisible characters spelled out (`<U+202E>`): a bidi override
  // kept as sent would show an auditor another case number than the one the caller sent.
  const shown = valid ? value : escapeInvisible(value);
  const recorded = shown.length > 0 ? [...shown].slice(0, CASE_REF_MAX_LENGTH).join("") : null;
  return { value: recorded, problem: valid ? null : "CASE_REF_INVALID" };
}
