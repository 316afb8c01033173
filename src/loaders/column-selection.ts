import { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, Kind, SelectionSetNode } from "graphql";
import { getMetadataArgsStorage } from "typeorm";

/**
 * Which of an entity's columns a GraphQL selection reads, so a hot list loads those and not the whole row
 * (issue 20: a directory page read 19 columns of a thousand appraisers to answer 3, and its time went to
 * parsing and collecting them). `always`: what the services read whatever is selected (visibility facts,
 * ids). `fields`: what each field that is not a column of the same name reads besides. A selected field
 * that is neither a column nor declared answers null: load every column, so a field added later without a
 * declaration is slow, never wrong. A test holds every field of the type to a decision.
 */
export interface ColumnNeeds {
  readonly always: readonly string[];
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

export function columnsForSelection(info: GraphQLResolveInfo, needs: ColumnNeeds, columns: ReadonlySet<string>): string[] | null {
  const wanted = new Set(needs.always);
  const visit = (selectionSet: SelectionSetNode | undefined): boolean => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = (selection as FieldNode).name.value;
        if (name.startsWith("__")) continue;
        if (columns.has(name)) wanted.add(name);
        else if (Object.prototype.hasOwnProperty.call(needs.fields, name)) for (const column of needs.fields[name]) wanted.add(column);
        else return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!visit(selection.selectionSet)) return false;
      } else {
        const fragment: FragmentDefinitionNode | undefined = info.fragments[selection.name.value];
        if (!visit(fragment?.selectionSet)) return false;
      }
    }
    return true;
  };
  for (const node of info.fieldNodes) if (!visit(node.selectionSet)) return null;
  return [...wanted].sort();
}

const columnSets = new WeakMap<Function, ReadonlySet<string>>();

/** The properties of an entity that are columns read by default (not `select: false`), from its decorators. */
export function entityColumns(entity: Function): ReadonlySet<string> {
  let columns = columnSets.get(entity);
  if (!columns) {
    columns = new Set(getMetadataArgsStorage().columns.filter((c) => c.target === entity && c.options.select !== false).map((c) => c.propertyName));
    columnSets.set(entity, columns);
  }
  return columns;
}

/** Per field of a query (graphql-js hands every item of a list the same `fieldNodes`): worked out once, not per parent. */
const decided = new WeakMap<readonly FieldNode[], string[] | null>();

/** The columns of `entity` that the selection under `info` reads (null: all). */
export function selectedColumns(info: GraphQLResolveInfo, entity: Function, needs: ColumnNeeds): string[] | null {
  if (decided.has(info.fieldNodes)) return decided.get(info.fieldNodes)!;
  const columns = columnsForSelection(info, needs, entityColumns(entity));
  decided.set(info.fieldNodes, columns);
  return columns;
}
