import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/**
 * 专利代理师: a patent attorney who is the subject of a credit record or incentive. Known by practising
 * certificate number, sealed at rest like an appraiser's ID number: a keyed hash finds the attorney, the
 * masked form is shown, and the number itself is opened only for a disclosure the policy allows.
 */
@Entity({ name: "patent_attorneys" })
export class PatentAttorney {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "text" })
  name: string;

  @Column({ type: "text", name: "certificate_sealed" })
  certificateSealed: string;

  @Column({ type: "char", length: 64, name: "certificate_hash" })
  certificateHash: string;

  @Column({ type: "text", name: "certificate_masked" })
  certificateMasked: string;

  @CreateDateColumn({ type: "timestamptz", name: "created_at" })
  createdAt: Date;
}
