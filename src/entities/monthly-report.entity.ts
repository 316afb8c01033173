import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Guard } from "../policy/guard";
import type { MonthlyReport } from "../services/monthly-report.service";

/**
 * A monthly supervision report as filed (定期汇总上报): made for a city or province bureau's region on the first
 * of the next month and kept as it was sent, its figures and both files, whatever changes afterwards (a late
 * entry, a new version of the hub's layout). `monthlyReport` makes one afresh at any time; this is the record.
 */
@ObjectType("FiledMonthlyReport", { description: "A monthly supervision report as filed on the first of the next month (定期汇总上报): its figures and files as they were sent." })
@Guard("supervisionReporter")
@Entity({ name: "monthly_reports" })
export class FiledMonthlyReport {
  @Field(() => ID, { description: "The hub's id of the filed report." })
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field(() => String, { description: "Region code the report covers." })
  @Column({ type: "text", name: "region_code" })
  regionCode: string;

  @Field(() => String, { description: "The month, YYYY-MM." })
  @Column({ type: "text" })
  month: string;

  /** The bureau it was made for (the GraphQL `filedBy`). */
  @Column({ type: "uuid", name: "agency_id" })
  agencyId: string;

  @Field(() => Date, { description: "When it was filed." })
  @Column({ type: "timestamptz", name: "filed_at" })
  filedAt: Date;

  /** The report's figures as filed (the GraphQL `figures`). */
  @Column({ type: "jsonb" })
  figures: MonthlyReport;

  /** The files as filed: read only when a caller asks for them (the GraphQL `xlsx`, `html`). */
  @Column({ type: "bytea", select: false })
  xlsx: Buffer;

  @Column({ type: "text", select: false })
  html: string;
}
