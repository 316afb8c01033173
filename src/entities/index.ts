import { Agency } from "./agency.entity";
import { Appraiser } from "./appraiser.entity";
import { AppraiserPractice } from "./appraiser-practice.entity";
import { AuditEvent } from "./audit-event.entity";
import { ClientSystem } from "./client-system.entity";
import { IdentityProvider } from "./identity-provider.entity";
import { IdempotencyKey } from "./idempotency-key.entity";
import { Institution } from "./institution.entity";
import { ListingEvent } from "./listing-event.entity";
import { AppraisalCase } from "./appraisal-case.entity";
import { CaseAppraiser } from "./case-appraiser.entity";
import { CaseEvent } from "./case-event.entity";
import { CaseFeedback } from "./case-feedback.entity";
import { ComplaintEvent } from "./complaint-event.entity";
import { SupervisionRecord } from "./supervision-record.entity";
import { CollaborationEvent, CollaborationParticipant, CollaborationRecord } from "./collaboration-record.entity";
import { CreditRecord, CreditShare } from "./credit-record.entity";
import { AbnormalPatentBatch, AbnormalPatentEvent, AbnormalPatentItem } from "./abnormal-patent.entity";
import { CustodyTrademark, TrademarkAlert } from "./custody-trademark.entity";
import { HubEvent } from "./hub-event.entity";
import { WebhookSubscription } from "./webhook-subscription.entity";
import { WebhookDelivery } from "./webhook-delivery.entity";
import { TrustedDocument } from "./trusted-document.entity";
import { AppraiserStatusEvent } from "./appraiser-status-event.entity";
import { DisciplinarySanction } from "./disciplinary-sanction.entity";
import { Standard } from "./standard.entity";

/** Every TypeORM entity of the hub, for the data source. */
export const ENTITIES = [Agency, ClientSystem, IdentityProvider, AuditEvent, IdempotencyKey, Institution, ListingEvent, Appraiser, AppraiserPractice, AppraisalCase, CaseEvent, CaseAppraiser, CaseFeedback, ComplaintEvent, SupervisionRecord, CollaborationRecord, CollaborationParticipant, CollaborationEvent, CreditRecord, CreditShare, AbnormalPatentBatch, AbnormalPatentItem, AbnormalPatentEvent, CustodyTrademark, TrademarkAlert, HubEvent, WebhookSubscription, WebhookDelivery, TrustedDocument, AppraiserStatusEvent, DisciplinarySanction, Standard];
