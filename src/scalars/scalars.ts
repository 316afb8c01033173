import { GraphQLScalarType, Kind, ValueNode } from "graphql";
import { BadUserInputError } from "../errors/errors";
import { creditCodeProblem, idNumberProblem } from "../domain/identifiers";
import { isLocalDate } from "../domain/local-date";
import { findRegion } from "../domain/region-directory";

/**
 * Input scalars that validate as they parse, so a bad identifier never reaches a service: the request
 * fails with BAD_USER_INPUT and a message that names the rule, never the value. On output they are strings.
 */
function validatedString(name: string, description: string, check: (value: string) => string | undefined, normalise: (value: string) => string = (v) => v) {
  const parse = (value: unknown): string => {
    if (typeof value !== "string") throw new BadUserInputError(`${name} must be a string.`);
    const normalised = normalise(value);
    const problem = check(normalised);
    if (problem) throw new BadUserInputError(problem);
    return normalised;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new BadUserInputError(`${name} must be a string.`);
      return parse(ast.value);
    },
  });
}

export const CreditCodeScalar = validatedString(
  "CreditCode",
  "Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters with a check character, e.g. `91411500MA9F3K2L21`.",
  creditCodeProblem,
  (v) => v.trim().toUpperCase(),
);

export const ResidentIdNumberScalar = validatedString(
  "ResidentIdNumber",
  "Resident ID number (公民身份号码, GB 11643): region, birth date, sequence and check digit, e.g. `411502198003121232`. Input only; it is personal information.",
  idNumberProblem,
  (v) => v.trim().toUpperCase(),
);

export const RegionCodeScalar = validatedString(
  "RegionCode",
  "6-digit administrative division code (GB/T 2260) known to the hub's region table, e.g. `411500` (信阳市). `100000` is the national level.",
  (v) => (/^\d{6}$/.test(v) ? (findRegion(v) ? undefined : "The region code is not in the hub's region table.") : "A region code has 6 digits."),
  (v) => v.trim(),
);

export const LocalDateScalar = validatedString("Date", "A calendar day, `YYYY-MM-DD` (China Standard Time).", (v) =>
  isLocalDate(v) ? undefined : "A date is written YYYY-MM-DD and must exist.",
);
