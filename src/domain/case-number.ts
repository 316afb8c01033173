/**
 * An agency's case number (案号) is kept as written; this key is what two spellings of the same number share.
 *
 * NFKC folds full-width digits, letters and brackets to ASCII (（２０２６） → (2026)) and the ideographic space
 * to a space; the year is bracketed in several styles (（2026） in court numbers, 〔2024〕 in police and
 * procuratorate numbers, [] and 【】 when typed by hand), so every bracket becomes ( or ); whitespace goes.
 * Writes store the key beside the number and filters compare keys: change it only with a migration that
 * recomputes the stored keys.
 */
export function caseNumberKey(caseNo: string): string {
  return caseNo
    .normalize("NFKC")
    .replace(/[〔\[【]/g, "(")
    .replace(/[〕\]】]/g, ")")
    .replace(/\s+/g, "");
}
