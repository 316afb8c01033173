/**
 * Identifier checks of domain.md ("Identifier checks"). Pure functions: each answers undefined when the
 * value is valid, or a message safe to show a client (it never repeats the value).
 */

const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100-2015 check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Unified social credit code (统一社会信用代码): 18 characters, positions 3–8 a region code, a check character. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return "A unified social credit code has 18 characters.";
  for (const ch of code) {
    if (!CREDIT_ALPHABET.includes(ch)) return "A unified social credit code uses only digits and the letters ABCDEFGHJKLMNPQRTUWXY.";
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "Positions 3 to 8 of a unified social credit code must be a region code.";
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return "The check character of the unified social credit code is wrong.";
  return undefined;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

/** Resident ID number (公民身份号码, GB 11643): region, a real birth date, sequence, check digit. */
export function idNumberProblem(idNumber: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return "A resident ID number has 17 digits and a check digit or X.";
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!realDate || year < 1900 || date.getTime() > Date.now()) return "The birth date in the resident ID number is not a real date.";
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return "The check digit of the resident ID number is wrong.";
  return undefined;
}

const PATENT_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

/** The check character of a 12-digit patent application number: Σ dᵢ·wᵢ mod 11, 10 written X. */
export function patentCheckCharacter(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * PATENT_WEIGHTS[i];
  const check = sum % 11;
  return check === 10 ? "X" : String(check);
}

/** Type digits of a patent application number: 1 invention, 2 utility model, 3 design, 8/9 PCT entering China. */
export const PATENT_TYPE_DIGITS = ["1", "2", "3", "8", "9"] as const;

/** Patent application number (专利申请号): YYYY, a type digit, 7 digits, '.', the check character. */
export function patentApplicationNumberProblem(number: string): string | undefined {
  if (!/^\d{12}\.[\dX]$/.test(number)) return "A patent application number is 12 digits, a dot and a check character, like 202410123456.0.";
  const year = Number(number.slice(0, 4));
  if (year < 2003 || year > new Date().getUTCFullYear() + 1) return "The year of the patent application number is out of range.";
  if (!(PATENT_TYPE_DIGITS as readonly string[]).includes(number[4])) return "The type digit of the patent application number must be 1, 2, 3, 8 or 9.";
  if (patentCheckCharacter(number.slice(0, 12)) !== number[13]) return "The check character of the patent application number is wrong.";
  return undefined;
}
