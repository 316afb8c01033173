import { BadUserInputError } from "../errors/errors";
import { creditCodeProblem, patentApplicationNumberProblem } from "./identifiers";

/**
 * What an appraisal case is about, as keys two cases can be compared by (防范多头、重复鉴定): the subject's
 * identifiers, extracted from the subject text and from those the entrusting agency names, normalized.
 *
 * - `patent:<12 digits>.<check>`: a patent or application number (`ZL202010123456.7`, `CN 202010123456.7`,
 *   `2020 1 0123456.7`, full-width digits and dot alike), kept only when its check character is right.
 * - `trademark:<digits>`: a trademark registration number, written `注册号…`, `第…号` or named as such.
 * - `party:<credit code>`: a party's unified social credit code, kept only when its check character is right.
 * - the matter, normalized (full-width folded, spaces removed).
 *
 * Two cases may be the same appraisal when they are in the same technical field and share a patent or
 * trademark (the object appraised), or share a party and the same matter. Identifiers only: no fuzzy text.
 */
export interface CaseSubjectKeys {
  /** `patent:` and `trademark:` keys: the object appraised. */
  objectKeys: string[];
  /** `party:` keys. */
  partyKeys: string[];
  matterKey: string;
}

/** Full-width digits, letters and punctuation folded to ASCII; spaces of any width removed. */
function folded(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

const PATENT = /(?:ZL|CN)?(\d{12})[.·]?([0-9X])/gi;
const TRADEMARK = /(?:商标注册号|注册号|第)(\d{5,9})号?/g;
const CREDIT_CODE = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/g;

function patentKey(first12: string, check: string): string | undefined {
  const number = `${first12}.${check.toUpperCase()}`;
  return patentApplicationNumberProblem(number) === undefined ? `patent:${number}` : undefined;
}

/** The keys in free text (the subject). Numbers that fail their check are ignored: they name nothing. */
export function keysInText(text: string): { objects: string[]; parties: string[] } {
  const plain = folded(text).toUpperCase();
  const objects = new Set<string>();
  const parties = new Set<string>();
  for (const m of plain.matchAll(PATENT)) {
    const key = patentKey(m[1], m[2]);
    if (key) objects.add(key);
  }
  for (const m of folded(text).matchAll(TRADEMARK)) objects.add(`trademark:${m[1]}`);
  for (const m of plain.matchAll(CREDIT_CODE)) if (creditCodeProblem(m[0]) === undefined) parties.add(`party:${m[0]}`);
  return { objects: [...objects], parties: [...parties] };
}

/**
 * One identifier the entrusting agency names (`subjectIdentifiers`): a patent or application number, a
 * trademark registration number (digits) or a party's credit code. A value that is none of them is refused.
 */
export function identifierKey(value: string, field: string): { object?: string; party?: string } {
  const plain = folded(value).toUpperCase().replace(/^(?:ZL|CN)/, "");
  const patent = /^(\d{12})[.·]?([0-9X])$/.exec(plain);
  if (patent) {
    const key = patentKey(patent[1], patent[2]);
    if (!key) throw new BadUserInputError("The patent number's check character is wrong.", field);
    return { object: key };
  }
  if (/^\d{5,9}$/.test(plain)) return { object: `trademark:${plain}` };
  if (plain.length === 18) {
    const problem = creditCodeProblem(plain);
    if (problem) throw new BadUserInputError(problem, field);
    return { party: `party:${plain}` };
  }
  throw new BadUserInputError("A subject identifier is a patent or application number (202010123456.7), a trademark registration number (its digits) or a party's unified social credit code.", field);
}

export const MAX_SUBJECT_IDENTIFIERS = 20;

export function caseSubjectKeys(input: { subject: string; matter: string; identifiers?: readonly string[] | null }, field = "input.subjectIdentifiers"): CaseSubjectKeys {
  const identifiers = input.identifiers ?? [];
  if (identifiers.length > MAX_SUBJECT_IDENTIFIERS) throw new BadUserInputError(`At most ${MAX_SUBJECT_IDENTIFIERS} subject identifiers.`, field);
  const found = keysInText(input.subject);
  const objects = new Set(found.objects);
  const parties = new Set(found.parties);
  identifiers.forEach((value, i) => {
    const key = identifierKey(value, `${field}[${i}]`);
    if (key.object) objects.add(key.object);
    if (key.party) parties.add(key.party);
  });
  return { objectKeys: [...objects].sort(), partyKeys: [...parties].sort(), matterKey: folded(input.matter) };
}
