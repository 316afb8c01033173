/**
 * Masking of personal data for callers who may know that a value exists but not read it (courts see an
 * appraiser's ID number as `411502********1232`). Masked values are a deliberate outcome, not an error.
 * Both helpers return null for null and never return more of the value than they promise.
 */

/** Resident ID number: the 6-digit region and the last 4 characters stay; the birth date is hidden. */
export function maskIdNumber(idNumber: string | null | undefined): string | null {
  if (idNumber === null || idNumber === undefined) return null;
  const value = idNumber.trim().toUpperCase();
  if (value.length !== 18) return "*".repeat(Math.max(value.length, 1));
  return `${value.slice(0, 6)}${"*".repeat(8)}${value.slice(14)}`;
}

/** A practising certificate number: its first 2 and last 2 characters stay (`11*********56`). */
export function maskCertificateNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim().toUpperCase();
  return v.length <= 4 ? "*".repeat(v.length || 1) : `${v.slice(0, 2)}${"*".repeat(v.length - 4)}${v.slice(-2)}`;
}

/**
 * Phone numbers: a mobile number keeps its first 3 and last 4 digits (`138****5678`); a fixed line keeps
 * its area code and last 2 digits (`0376-*****12`); anything else keeps only its last 2 characters.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  const value = phone.trim();
  const mobile = /^(?:\+?86[- ]?)?(1\d{2})\d{4}(\d{4})$/.exec(value.replace(/[\s-]/g, ""));
  if (mobile) return `${mobile[1]}****${mobile[2]}`;
  const fixed = /^(0\d{2,3})[- ]?(\d{5,6})(\d{2})$/.exec(value);
  if (fixed) return `${fixed[1]}-${"*".repeat(fixed[2].length)}${fixed[3]}`;
  return value.length <= 2 ? "*".repeat(value.length || 1) : `${"*".repeat(value.length - 2)}${value.slice(-2)}`;
}
