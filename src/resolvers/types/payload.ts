import { ClassType, Field, ObjectType } from "type-graphql";
import { Guard } from "../../policy/guard";
import type { RuleName } from "../../policy/rules";

import type { Created } from "../../services/command-runner";

/**
 * Makes the payload type of a creating mutation, `{ <field>: <record>, replayed }` (contract.md), beside
 * `Connection()`, over what the command runner answers (`Created`: the record is `record` in TypeScript and
 * `<field>` in the schema). The wrapper carries the operation's rule; the record's fields keep their own guards.
 */
export function Payload<T extends object>(operation: string, field: string, recordType: ClassType<T>, what: string, rule: RuleName, typeName = `${operation.charAt(0).toUpperCase()}${operation.slice(1)}Payload`) {
  @ObjectType(typeName, { description: `The outcome of ${operation}.` })
  @Guard(rule)
  class PayloadType {
    @Field(() => recordType, { name: field, description: `The ${what}.` })
    record: T;

    @Field(() => Boolean, { description: "True when this call replayed an earlier one with the same idempotency key and wrote nothing." })
    replayed: boolean;
  }
  Object.defineProperty(PayloadType, "name", { value: typeName });
  return PayloadType as ClassType<Created<T>>;
}
