/** The rule for every idempotency key: enforced by `normalizeIdempotencyKey`, stated in each `idempotencyKey` field's SDL. */
export const IDEMPOTENCY_KEY_RULE =
  "1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form";

// Code points (the u flag), not UTF-16 units. \p{C} is control, format, surrogate, private-use and unassigned.
const KEY_PATTERN = /^[^\p{C}\p{Zl}\p{Zp}]{1,200}$/u;

/**
 * The key in NFC form, so that its composed and decomposed spellings (é as one code point or as e + U+0301)
 * are one key; undefined when it breaks the rule.
 */
export function normalizeIdempotencyKey(key: string): string | undefined {
  const normalized = key.normalize("NFC");
  return KEY_PATTERN.test(normalized) && !/^\s|\s$/u.test(normalized) ? normalized : undefined;
}

/** SDL description of an `idempotencyKey` input field: what a retry does, then the rule. */
export const idempotencyKeyDescription = (retry: string): string => `${retry} The key: ${IDEMPOTENCY_KEY_RULE}.`;
