/**
 * The policy: who may do what, in one folder (docs/architecture.md). Importing this module registers every
 * named decision, so the listing and the load-bearing test see them all.
 */
export * from "./agency-groups";
export * from "./decision";
export * as rules from "./rules";
import "./abnormal-patent.permissions";
import "./agency.permissions";
import "./abnormal-patent.visibility";
import "./appraisal-case.permissions";
import "./appraisal-case.visibility";
import "./appraiser.disclosure";
import "./appraiser.permissions";
import "./appraiser.visibility";
import "./audit-event.visibility";
import "./case-feedback.visibility";
import "./client-system.permissions";
import "./collaboration-record.permissions";
import "./collaboration-record.visibility";
import "./credit-record.permissions";
import "./credit-incentive.permissions";
import "./credit-incentive.visibility";
import "./credit-subject.disclosure";
import "./credit-export.visibility";
import "./monthly-report.visibility";
import "./disciplinary-sanction.permissions";
import "./public-report.visibility";
import "./case-feedback.permissions";
import "./circular.permissions";
import "./circular.visibility";
import "./removal-proposal.visibility";
import "./credit-record.visibility";
import "./identity-provider.permissions";
import "./custody-trademark.permissions";
import "./custody-trademark.visibility";
import "./institution.permissions";
import "./operation-manifest.visibility";
import "./institution.visibility";
import "./statistics.permissions";
import "./supervision-record.permissions";
import "./supervision-record.visibility";
import "./hub-event.visibility";
import "./webhook-subscription.permissions";
import "./webhook-subscription.visibility";
