import type { EntityManager } from "typeorm";
import type { HubPolicy } from "../config/config";
import { AppraiserStatus, ListingStatus } from "../domain/directory-enums";
import { addMonths } from "../domain/local-date";
import { Appraiser } from "../entities/appraiser.entity";
import type { Institution } from "../entities/institution.entity";
import type { ListingEvent } from "../entities/listing-event.entity";
import { Standard, StandardStatus } from "../entities/standard.entity";
import { In } from "typeorm";

/** Why the policy refuses a move the register's machine allows: a code for programs, a sentence for people. */
export interface ListingRefusal {
  reason: "NO_VERIFIED_STANDARD" | "TOO_FEW_APPRAISERS" | "WAITING_PERIOD";
  message: string;
}

/**
 * The listing conditions of the CNIPA guidance, each configurable (`HubPolicy`), checked inside the
 * decision's transaction:
 *
 * - admission (UNDER_REVIEW → LISTED) needs a verified compliance with a catalogue standard in force
 *   (将通过贯彻知识产权鉴定标准的鉴定机构纳入名录库) and `listingMinimumAppraisers` ACTIVE appraisers (一定数量的鉴定人);
 * - applying again (REJECTED or REMOVED → RECOMMENDED) waits `reapplicationWaitMonths` or
 *   `relistingWaitMonths` from the decision that ended the last application.
 *
 * Restoring a suspended listing (SUSPENDED → LISTED) is the end of a rectification the bureau judged; it is
 * not an admission, and these conditions are not re-checked there.
 */
export async function listingRefusal(
  manager: EntityManager,
  policy: HubPolicy,
  institution: Institution,
  move: { to: ListingStatus; effectiveOn: string },
  last: ListingEvent | undefined,
): Promise<ListingRefusal | null> {
  const from = institution.listingStatus;
  if (from === ListingStatus.UNDER_REVIEW && move.to === ListingStatus.LISTED) {
    if (policy.listingRequiresStandard && !(await hasVerifiedStandard(manager, institution))) {
      return { reason: "NO_VERIFIED_STANDARD", message: "the institution has no verified compliance with a standard in force from the catalogue (standards[].verifiedOn of a catalogue entry)." };
    }
    if (policy.listingMinimumAppraisers > 0) {
      const active = await manager.getRepository(Appraiser).countBy({ institutionId: institution.id, status: AppraiserStatus.ACTIVE });
      if (active < policy.listingMinimumAppraisers) {
        return { reason: "TOO_FEW_APPRAISERS", message: `the institution has ${active} active appraisers; listing needs at least ${policy.listingMinimumAppraisers}.` };
      }
    }
  }
  if ((from === ListingStatus.REJECTED || from === ListingStatus.REMOVED) && move.to === ListingStatus.RECOMMENDED && last) {
    const months = from === ListingStatus.REMOVED ? policy.relistingWaitMonths : policy.reapplicationWaitMonths;
    const again = addMonths(last.effectiveOn, months);
    if (move.effectiveOn < again) {
      return { reason: "WAITING_PERIOD", message: `an institution ${from.toLowerCase()} on ${last.effectiveOn} may be recommended again from ${again}.` };
    }
  }
  return null;
}

async function hasVerifiedStandard(manager: EntityManager, institution: Institution): Promise<boolean> {
  const ids = institution.standards.filter((s) => s.standardId && s.verifiedOn).map((s) => s.standardId!);
  if (ids.length === 0) return false;
  return manager.getRepository(Standard).existsBy({ id: In(ids), status: StandardStatus.IN_FORCE });
}
