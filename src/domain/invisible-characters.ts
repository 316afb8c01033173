/**
 * Characters that make a stored text read differently from what it is (issue 15, finding 9: a name holding
 * U+202E RIGHT-TO-LEFT OVERRIDE was stored as sent and shown reversed on a reviewer's screen).
 *
 * Two classes of text, two rules:
 *
 * - **Names and identifiers** (an agency's, institution's or appraiser's name, a code, a case or document
 *   number, a title, an address, a person's name in a header): what a reader compares at a glance and
 *   trusts. They are one line of visible characters, so nothing invisible is allowed: control characters
 *   (tabs and line breaks included), every format character (Unicode category Cf: the bidi controls
 *   U+202A–U+202E and U+2066–U+2069, the marks U+200E, U+200F and U+061C, zero-width U+200B–U+200D, U+2060,
 *   U+FEFF, the soft hyphen U+00AD, tag characters), line and paragraph separators, lone surrogates, and the
 *   Hangul fillers, letters that render as blank. Private-use characters (rare characters of people's names
 *   in some registries) and characters newer than the runtime's Unicode tables stay allowed.
 * - **Free text** (a reason, a comment, a note, a matter's description, a basis): it may hold tabs and line
 *   breaks, and the format characters that only join or separate letters, which some scripts and emoji
 *   need: ZWJ U+200D (emoji sequences, Indic scripts), ZWNJ U+200C (Persian, Uyghur), ZWSP U+200B, the soft
 *   hyphen, the word joiner, and the directional marks U+200E, U+200F, U+061C, which only nudge neutral
 *   characters. Refused there is what reorders or hides other text: the bidi embeddings, overrides and
 *   isolates (the "Trojan Source" characters: a reviewer would read another order than the one stored), tag
 *   characters (invisible ASCII), the interlinear annotation controls, the other control characters (C0 but
 *   tab and line breaks, DEL, C1) and lone surrogates.
 *
 * Pure functions: the services' field checks (`services/validate.ts`, shared with the CSV importers) and the
 * request headers use them.
 */


const IN_NAMES = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/u;
const CONTROL_IN_TEXT = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/u;
const HIDING_IN_TEXT = /[\p{Cs}\u202a-\u202e\u2066-\u2069\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;

/** Why `value` cannot be a name or an identifier, or null when it can. Never quotes the value. */
export function nameCharacterProblem(value: string, field: string): string | null {
  if (!IN_NAMES.test(value)) return null;
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(value)) return `${field} must be one line without control characters.`;
  return `${field} must not contain invisible characters (bidi controls such as U+202E, zero-width or other format characters).`;
}

/** Why `value` cannot be free text, or null when it can. Never quotes the value. */
export function freeTextCharacterProblem(value: string, field: string): string | null {
  if (CONTROL_IN_TEXT.test(value)) return `${field} must not contain control characters.`;
  if (HIDING_IN_TEXT.test(value)) return `${field} must not contain bidi embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069) or other characters that hide text.`;
  return null;
}

/** `value` with each character a name may not hold written as `<U+202E>`: for recording what was refused. */
export function escapeInvisible(value: string): string {
  return value.replace(new RegExp(IN_NAMES.source, "gu"), (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
}
