/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether the mark is still under custody. */
export type CustodyStatus =
  | 'ACTIVE'
  | 'ENDED';

/** Narrows the marks under custody. */
export type CustodyTrademarkFilter = {
  /** Category. */
  category?: TrademarkCategory | null | undefined;
  /** Custodian agency code. */
  custodianAgencyCode?: string | null | undefined;
  /** Custody status. */
  custodyStatus?: CustodyStatus | null | undefined;
  /** Expiring on or before this day. */
  expiringBefore?: string | null | undefined;
  /** Part of the mark. */
  markContains?: string | null | undefined;
  /** Nice class. */
  niceClass?: number | null | undefined;
  /** Owner's region (sub-regions included). */
  regionCode?: string | null | undefined;
};

/** A handling step for an alert. */
export type HandleTrademarkAlertInput = {
  /** What was done. */
  note: string;
  /** New status. */
  status: TrademarkAlertStatus;
};

/** A mark to place under monitoring and custody. */
export type PlaceTrademarkUnderCustodyInput = {
  /** Why it is monitored. */
  category: TrademarkCategory;
  /** Code of the custodian agency. */
  custodianAgencyCode: string;
  /** Last day of the registration period. */
  expiresOn: string;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** The mark. */
  markName: string;
  /** Nice class, 1 to 45. */
  niceClass: number;
  /** Note. */
  note?: string | null | undefined;
  /** Owner's unified social credit code. */
  ownerCreditCode: string;
  /** Owner (registrant). */
  ownerName: string;
  /** Owner's region (default: from the credit code). */
  regionCode?: string | null | undefined;
  /** Registration day. */
  registeredOn: string;
  /** Registration number (注册号). */
  registrationNumber: string;
};

/** An alert entered by the custodian. */
export type RaiseTrademarkAlertInput = {
  /** What was found. */
  detail: string;
  /** Day by which to act (e.g. the opposition or answer deadline). */
  dueOn?: string | null | undefined;
  /** Retrying with the same key and input returns the first result; other input with the same key answers CONFLICT. The key: 1 to 200 printable Unicode characters (no control or invisible format characters such as U+200B, no leading or trailing whitespace), compared in Unicode NFC form. */
  idempotencyKey: string;
  /** SIMILAR_FILING or NON_USE_CANCELLATION (EXPIRING is computed). */
  kind: TrademarkAlertKind;
  /** Reference, e.g. the similar filing's application number. */
  reference?: string | null | undefined;
  /** The mark. */
  trademarkId: string | number;
};

/** Narrows the alerts. */
export type TrademarkAlertFilter = {
  /** Kind. */
  kind?: TrademarkAlertKind | null | undefined;
  /** Owner's region (sub-regions included). */
  regionCode?: string | null | undefined;
  /** Status. */
  status?: TrademarkAlertStatus | null | undefined;
  /** The mark. */
  trademarkId?: string | number | null | undefined;
  /** Only OPEN and IN_PROGRESS alerts. */
  unresolved?: boolean | null | undefined;
};

/** EXPIRING is computed from the expiry date; the others are entered by the custodian. */
export type TrademarkAlertKind =
  | 'EXPIRING'
  | 'NON_USE_CANCELLATION'
  | 'SIMILAR_FILING';

/** OPEN → IN_PROGRESS → RESOLVED or DISMISSED. */
export type TrademarkAlertStatus =
  | 'DISMISSED'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'RESOLVED';

/** Well-known (驰名), geographical indication (地理标志) or key-industry mark. */
export type TrademarkCategory =
  | 'GEOGRAPHICAL_INDICATION'
  | 'KEY_INDUSTRY'
  | 'WELL_KNOWN';

/** Changes to a mark under custody. The custodian records renewals and notes; the bureau covering the owner's region also changes the custodian or ends custody. */
export type UpdateCustodyTrademarkInput = {
  /** New custodian agency. */
  custodianAgencyCode?: string | null | undefined;
  /** ENDED to end custody. */
  custodyStatus?: CustodyStatus | null | undefined;
  /** New expiry (a renewal, 续展). */
  expiresOn?: string | null | undefined;
  /** Note. */
  note?: string | null | undefined;
};

export type PlaceMarkMutationVariables = Exact<{
  input: PlaceTrademarkUnderCustodyInput;
}>;


export type PlaceMarkMutation = { placeTrademarkUnderCustody: { replayed: boolean, trademark: { id: string, version: number, markName: string, regionCode: string, custodianAgencyCode: string, expiresOn: string } } | null };

export type MarksQueryVariables = Exact<{
  filter?: CustodyTrademarkFilter | null | undefined;
}>;


export type MarksQuery = { custodyTrademarks: { totalCount: number, edges: Array<{ node: { markName: string, niceClass: number, category: TrademarkCategory, regionName: string, custodianAgencyCode: string, expiresOn: string, alerts: Array<{ id: string, kind: TrademarkAlertKind, status: TrademarkAlertStatus, version: number, dueOn: string | null }> } }> } | null };

export type AlertsQueryVariables = Exact<{
  filter?: TrademarkAlertFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AlertsQuery = { trademarkAlerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, trademarkId: string, kind: TrademarkAlertKind, status: TrademarkAlertStatus, version: number, raisedOn: string, dueOn: string | null, raisedByAgencyCode: string, handlingNote: string | null } }> } | null };

export type HandleAlertMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: HandleTrademarkAlertInput;
}>;


export type HandleAlertMutation = { handleTrademarkAlert: { id: string, kind: TrademarkAlertKind, status: TrademarkAlertStatus, version: number, handlingNote: string | null, handledByAgencyCode: string | null } | null };

export type UpdateMarkMutationVariables = Exact<{
  id: string | number;
  v: number;
  input: UpdateCustodyTrademarkInput;
}>;


export type UpdateMarkMutation = { updateCustodyTrademark: { id: string, version: number, expiresOn: string, custodianAgencyCode: string, custodyStatus: CustodyStatus } | null };

export type RaiseAlertMutationVariables = Exact<{
  input: RaiseTrademarkAlertInput;
}>;


export type RaiseAlertMutation = { raiseTrademarkAlert: { replayed: boolean, alert: { id: string, kind: TrademarkAlertKind, status: TrademarkAlertStatus, raisedByAgencyCode: string } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PlaceMarkDocument = new TypedDocumentString(`
    mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) {
  placeTrademarkUnderCustody(input: $input) {
    replayed
    trademark {
      id
      version
      markName
      regionCode
      custodianAgencyCode
      expiresOn
    }
  }
}
    `) as unknown as TypedDocumentString<PlaceMarkMutation, PlaceMarkMutationVariables>;
export const MarksDocument = new TypedDocumentString(`
    query Marks($filter: CustodyTrademarkFilter) {
  custodyTrademarks(filter: $filter, first: 20) {
    totalCount
    edges {
      node {
        markName
        niceClass
        category
        regionName
        custodianAgencyCode
        expiresOn
        alerts {
          id
          kind
          status
          version
          dueOn
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MarksQuery, MarksQueryVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) {
  trademarkAlerts(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        trademarkId
        kind
        status
        version
        raisedOn
        dueOn
        raisedByAgencyCode
        handlingNote
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const HandleAlertDocument = new TypedDocumentString(`
    mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) {
  handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) {
    id
    kind
    status
    version
    handlingNote
    handledByAgencyCode
  }
}
    `) as unknown as TypedDocumentString<HandleAlertMutation, HandleAlertMutationVariables>;
export const UpdateMarkDocument = new TypedDocumentString(`
    mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) {
  updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) {
    id
    version
    expiresOn
    custodianAgencyCode
    custodyStatus
  }
}
    `) as unknown as TypedDocumentString<UpdateMarkMutation, UpdateMarkMutationVariables>;
export const RaiseAlertDocument = new TypedDocumentString(`
    mutation RaiseAlert($input: RaiseTrademarkAlertInput!) {
  raiseTrademarkAlert(input: $input) {
    replayed
    alert {
      id
      kind
      status
      raisedByAgencyCode
    }
  }
}
    `) as unknown as TypedDocumentString<RaiseAlertMutation, RaiseAlertMutationVariables>;