import { creditCodeProblem } from "./identifiers";

/** What a de-identified text must not contain, and how it was found. */
export type PersonalDataKind = "ID_NUMBER" | "PHONE" | "CREDIT_CODE" | "CASE_NUMBER" | "NAME";

const LABELS: Record<PersonalDataKind, string> = {
  ID_NUMBER: "an ID number",
  PHONE: "a phone number",
  CREDIT_CODE: "a credit code (it names a party)",
  CASE_NUMBER: "a case or document number",
  NAME: "the name of a person in the case",
};

/**
 * The rule a publication for everyone (the case library) is checked against: no ID numbers, phones, parties'
 * credit codes, case or document numbers, or names of the people the hub knows in the case. Identifiers are
 * found by shape, after folding full-width characters and the separators people put inside numbers; names
 * only by what the hub knows (it cannot recognise every name; the publisher remains responsible).
 * Answers what was found (`what`, for a message), or null.
 */
export function personalDataIn(text: string, known: { names: readonly string[]; numbers: readonly string[] }): { kind: PersonalDataKind; what: string } | null {
  const plain = text.normalize("NFKC");
  // Digits written with spaces or dashes inside (139 1234 5678, 0376-6221234) are read as one number.
  const joined = plain.replace(/(?<=\d)[\s\-‐–—]+(?=\d)/g, "");
  const found = (kind: PersonalDataKind) => ({ kind, what: LABELS[kind] });

  if (/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/.test(joined) || /(?<![\dA-Za-z])\d{15}(?![\dA-Za-z])/.test(joined)) return found("ID_NUMBER");
  if (/(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/.test(joined) || /(?<![\dA-Za-z])0\d{2,3}\d{7,8}(?!\d)/.test(joined)) return found("PHONE");
  for (const candidate of joined.toUpperCase().match(/(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Z])/g) ?? []) {
    if (!creditCodeProblem(candidate)) return found("CREDIT_CODE");
  }
  // 案号 and 文号: (2024)豫15知民初32号, 信公经立字〔2025〕018号, 中原知鉴〔2024〕第015号.
  if (/[(\[〔【]\s*(?:19|20)\d{2}\s*[)\]〕】][^。，；\s]{0,20}?第?\d+号/.test(plain)) return found("CASE_NUMBER");
  const compact = plain.replace(/\s+/g, "");
  for (const number of known.numbers) {
    const n = number.normalize("NFKC").replace(/\s+/g, "");
    if (n.length >= 4 && compact.includes(n)) return found("CASE_NUMBER");
  }
  for (const name of known.names) {
    const n = name.normalize("NFKC").replace(/\s+/g, "");
    if (n.length >= 2 && compact.includes(n)) return found("NAME");
  }
  return null;
}
