import type { CaseReference } from "./case-reference";

/** Why a caller entitled to ask for a full value got it masked. */
export type DisclosureRefusal = NonNullable<CaseReference["problem"]> | "OUT_OF_JURISDICTION" | "AUDIT_UNAVAILABLE";

const MESSAGES: Record<DisclosureRefusal, string> = {
  CASE_REF_MISSING: "A full value needs an X-Case-Ref header naming the case that justifies the read.",
  CASE_REF_INVALID: "X-Case-Ref must name a case: at least one letter or digit, at most 100 characters, no invisible characters.",
  OUT_OF_JURISDICTION: "The record lies outside the caller's jurisdiction.",
  AUDIT_UNAVAILABLE: "The read could not be recorded in the audit trail, so the value was masked; try again.",
};

export type ResponsePath = ReadonlyArray<string | number>;

/**
 * One request's masked disclosures, told to the caller in `extensions.disclosure` so that a system with
 * `pii:read` learns why it got `411502********1232` instead of failing the field:
 * `{ masked: [{ reason, message, paths }] }`.
 */
export class DisclosureNotes {
  private readonly masked = new Map<DisclosureRefusal, ResponsePath[]>();

  note(reason: DisclosureRefusal, path: ResponsePath): void {
    const paths = this.masked.get(reason) ?? [];
    paths.push(path);
    this.masked.set(reason, paths);
  }

  toExtension(): { masked: Array<{ reason: DisclosureRefusal; message: string; paths: ResponsePath[] }> } | undefined {
    if (this.masked.size === 0) return undefined;
    return { masked: [...this.masked].map(([reason, paths]) => ({ reason, message: MESSAGES[reason], paths })) };
  }
}
