import { BadUserInputError, InputProblem } from "../errors/errors";
import { creditCodeProblem, idNumberProblem } from "../domain/identifiers";
import { freeTextCharacterProblem, nameCharacterProblem } from "../domain/invisible-characters";
import { isLocalDate } from "../domain/local-date";
import { findRegion } from "../domain/region-directory";

/**
 * Runs several checks and reports every problem at once instead of the first: a user fixing a spreadsheet
 * row or a form sees all that is wrong with it. `check` returns the checked value, or undefined when it was
 * refused; `done` throws one BAD_USER_INPUT naming the first field, with `extensions.problems` listing all
 * when there are several. A field is reported once, by the first check that refused it.
 */
export class InputProblems {
  private readonly list: InputProblem[] = [];

  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (error) {
      return this.absorb(error);
    }
  }

  async checkAsync<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      return this.absorb(error);
    }
  }

  add(field: string, message: string): void {
    if (!this.list.some((p) => p.field === field)) this.list.push({ field, message });
  }

  private absorb(error: unknown): undefined {
    if (!(error instanceof BadUserInputError)) throw error;
    for (const problem of error.problems) this.add(problem.field, problem.message);
    return undefined;
  }

  done(): void {
    if (this.list.length === 0) return;
    const [first] = this.list;
    throw new BadUserInputError(this.list.length === 1 ? first.message : `${first.message} (and ${this.list.length - 1} more problems)`, first.field, this.list);
  }
}

/**
 * Field checks shared by the GraphQL services and the CSV importer, so a value is judged the same way
 * whichever door it came through. Each throws BAD_USER_INPUT naming the field and never quoting the value.
 *
 * A text is a name or an identifier unless its caller says `freeText: true`: one line, nothing invisible
 * (no bidi control, zero-width or other format character). Free text (a reason, a comment, a note) may hold
 * line breaks and the joiners some scripts and emoji need, never a bidi embedding, override or isolate. The
 * stricter rule is the default so that a new field is safe until someone decides it is prose; the two
 * classes are spelled out in `domain/invisible-characters.ts`.
 */
export interface TextOptions {
  max: number;
  required?: boolean;
  /** Prose rather than a name or identifier: line breaks and joiners allowed (bidi overrides never). */
  freeText?: boolean;
}

export function text(value: string | null | undefined, field: string, options: TextOptions): string {
  const trimmed = (value ?? "").trim();
  if (options.required && trimmed.length === 0) throw new BadUserInputError(`${field} must not be empty.`, field);
  if (trimmed.length > options.max) throw new BadUserInputError(`${field} must be at most ${options.max} characters.`, field);
  const problem = options.freeText ? freeTextCharacterProblem(trimmed, field) : nameCharacterProblem(trimmed, field);
  if (problem) throw new BadUserInputError(problem, field);
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string, max: number, options: { freeText?: boolean } = {}): string | null {
  const trimmed = text(value, field, { max, ...options });
  return trimmed.length > 0 ? trimmed : null;
}

/** A `LIKE` pattern matching values that contain `value` literally (its `%`, `_` and `\\` escaped). */
export function containsPattern(value: string, field: string): string {
  return `%${text(value, field, { max: 100 }).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function textList(values: readonly string[] | null | undefined, field: string, options: { maxItems: number; maxLength: number; freeText?: boolean }): string[] {
  const list = [...new Set((values ?? []).map((v) => text(v, field, { max: options.maxLength, freeText: options.freeText })).filter(Boolean))];
  if (list.length > options.maxItems) throw new BadUserInputError(`${field} may hold at most ${options.maxItems} items.`, field);
  return list;
}

export function enumList<T extends string>(values: readonly T[] | null | undefined, allowed: Record<string, T>, field: string, options: { required?: boolean } = {}): T[] {
  const list = [...new Set(values ?? [])];
  for (const value of list) if (!Object.values(allowed).includes(value)) throw new BadUserInputError(`${field} has an unknown value.`, field);
  if (options.required && list.length === 0) throw new BadUserInputError(`${field} must name at least one value.`, field);
  return list.sort();
}

export function phone(value: string | null | undefined, field: string): string | null {
  const trimmed = (value ?? "").trim();
  if (!trimmed) return null;
  if (!/^\+?[0-9][0-9 -]{4,19}$/.test(trimmed)) throw new BadUserInputError(`${field} must be a phone number (digits, spaces, dashes).`, field);
  return trimmed;
}

export function localDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (!isLocalDate(value)) throw new BadUserInputError(`${field} must be a date written YYYY-MM-DD.`, field);
  return value;
}

/**
 * The day something was decided or happened: YYYY-MM-DD, `today` when absent, never after `today` (what has
 * not happened yet is not recorded). `hint` completes the refusal.
 */
export function dayUpTo(value: string | null | undefined, field: string, today: string, hint?: string): string {
  const day = localDate(value, field) ?? today;
  if (day > today) throw new BadUserInputError(`${field} cannot lie in the future${hint ? `: ${hint}` : ""}.`, field);
  return day;
}

export function creditCode(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  const problem = creditCodeProblem(code);
  if (problem) throw new BadUserInputError(problem, field);
  return code;
}

export function idNumber(value: string, field: string): string {
  const normalised = value.trim().toUpperCase();
  const problem = idNumberProblem(normalised);
  if (problem) throw new BadUserInputError(problem, field);
  return normalised;
}

/**
 * A patent attorney's practising certificate number (专利代理师执业证号): letters, digits and hyphens, 4 to 32
 * of them, compared without case or surrounding space. The hub does not know a check character for it.
 */
export function certificateNumber(value: string | null | undefined, field: string): string {
  const normalised = (value ?? "").trim().toUpperCase();
  if (!normalised) throw new BadUserInputError("Give the practising certificate number.", field);
  if (!/^[0-9A-Z][0-9A-Z-]{3,31}$/.test(normalised)) throw new BadUserInputError("A practising certificate number has 4 to 32 letters, digits or hyphens.", field);
  return normalised;
}

export function regionCode(value: string, field: string): string {
  const code = value.trim();
  if (!/^\d{6}$/.test(code)) throw new BadUserInputError("A region code has 6 digits.", field);
  if (!findRegion(code)) throw new BadUserInputError("The region code is not in the hub's region table.", field);
  return code;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** An id given as a filter: a malformed one is BAD_USER_INPUT on `field` (a well-formed unknown one matches nothing). */
export function idFilter(value: string, field: string): string {
  if (!isUuid(value)) throw new BadUserInputError(`${field.split(".").pop()} is not an id of this hub.`, field);
  return value;
}

/** An agency's fixed code: 2 to 32 capital letters, digits or dashes, starting with a letter or digit. */
export const AGENCY_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export function agencyCode(value: string, field: string): string {
  const code = value.trim();
  if (!AGENCY_CODE_PATTERN.test(code)) throw new BadUserInputError("An agency code is 2 to 32 capital letters, digits or dashes, starting with a letter or digit.", field);
  return code;
}
