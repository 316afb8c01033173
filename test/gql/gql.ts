/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed trademark { id version markName regionCode custodianAgencyCode expiresOn } } }": typeof types.PlaceMarkDocument,
    "query Marks($filter: CustodyTrademarkFilter) { custodyTrademarks(filter: $filter, first: 20) { totalCount edges { node {\n  markName niceClass category regionName custodianAgencyCode expiresOn alerts { id kind status version dueOn } } } } }": typeof types.MarksDocument,
    "query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) { trademarkAlerts(filter: $filter, first: $first, after: $after) {\n  totalCount pageInfo { hasNextPage endCursor } edges { node { id trademarkId kind status version raisedOn dueOn raisedByAgencyCode handlingNote } } } }": typeof types.AlertsDocument,
    "mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) { handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) { id kind status version handlingNote handledByAgencyCode } }": typeof types.HandleAlertDocument,
    "mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) { updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) { id version expiresOn custodianAgencyCode custodyStatus } }": typeof types.UpdateMarkDocument,
    "mutation RaiseAlert($input: RaiseTrademarkAlertInput!) { raiseTrademarkAlert(input: $input) { replayed alert { id kind status raisedByAgencyCode } } }": typeof types.RaiseAlertDocument,
};
const documents: Documents = {
    "mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed trademark { id version markName regionCode custodianAgencyCode expiresOn } } }": types.PlaceMarkDocument,
    "query Marks($filter: CustodyTrademarkFilter) { custodyTrademarks(filter: $filter, first: 20) { totalCount edges { node {\n  markName niceClass category regionName custodianAgencyCode expiresOn alerts { id kind status version dueOn } } } } }": types.MarksDocument,
    "query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) { trademarkAlerts(filter: $filter, first: $first, after: $after) {\n  totalCount pageInfo { hasNextPage endCursor } edges { node { id trademarkId kind status version raisedOn dueOn raisedByAgencyCode handlingNote } } } }": types.AlertsDocument,
    "mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) { handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) { id kind status version handlingNote handledByAgencyCode } }": types.HandleAlertDocument,
    "mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) { updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) { id version expiresOn custodianAgencyCode custodyStatus } }": types.UpdateMarkDocument,
    "mutation RaiseAlert($input: RaiseTrademarkAlertInput!) { raiseTrademarkAlert(input: $input) { replayed alert { id kind status raisedByAgencyCode } } }": types.RaiseAlertDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PlaceMark($input: PlaceTrademarkUnderCustodyInput!) { placeTrademarkUnderCustody(input: $input) { replayed trademark { id version markName regionCode custodianAgencyCode expiresOn } } }"): typeof import('./graphql').PlaceMarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Marks($filter: CustodyTrademarkFilter) { custodyTrademarks(filter: $filter, first: 20) { totalCount edges { node {\n  markName niceClass category regionName custodianAgencyCode expiresOn alerts { id kind status version dueOn } } } } }"): typeof import('./graphql').MarksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alerts($filter: TrademarkAlertFilter, $first: Int, $after: String) { trademarkAlerts(filter: $filter, first: $first, after: $after) {\n  totalCount pageInfo { hasNextPage endCursor } edges { node { id trademarkId kind status version raisedOn dueOn raisedByAgencyCode handlingNote } } } }"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HandleAlert($id: ID!, $v: Int!, $input: HandleTrademarkAlertInput!) { handleTrademarkAlert(alertId: $id, expectedVersion: $v, input: $input) { id kind status version handlingNote handledByAgencyCode } }"): typeof import('./graphql').HandleAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMark($id: ID!, $v: Int!, $input: UpdateCustodyTrademarkInput!) { updateCustodyTrademark(id: $id, expectedVersion: $v, input: $input) { id version expiresOn custodianAgencyCode custodyStatus } }"): typeof import('./graphql').UpdateMarkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RaiseAlert($input: RaiseTrademarkAlertInput!) { raiseTrademarkAlert(input: $input) { replayed alert { id kind status raisedByAgencyCode } } }"): typeof import('./graphql').RaiseAlertDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
