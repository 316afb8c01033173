import { Foundation1763700000000 } from "./1763700000000-foundation";
import { Directory1763800000000 } from "./1763800000000-directory";
import { CasesFeedback1763900000000 } from "./1763900000000-cases-feedback";
import { Collaboration1764000000000 } from "./1764000000000-collaboration";
import { Credit1764100000000 } from "./1764100000000-credit";
import { PatentsTrademarks1764200000000 } from "./1764200000000-patents-trademarks";
import { Statistics1764300000000 } from "./1764300000000-statistics";
import { CaseNumberKeys1764400000000 } from "./1764400000000-case-number-keys";
import { CalendarYears1764500000000 } from "./1764500000000-calendar-years";
import { AgencyRegistry1764600000000 } from "./1764600000000-agency-registry";
import { PiiDataKeys1764700000000 } from "./1764700000000-pii-data-keys";
import { ClientJwksUri1764800000000 } from "./1764800000000-client-jwks-uri";
import { PersonSignIn1764900000000 } from "./1764900000000-person-sign-in";
import { RateLimits1765000000000 } from "./1765000000000-rate-limits";
import { Push1765100000000 } from "./1765100000000-push";
import { TrustedDocuments1765200000000 } from "./1765200000000-trusted-documents";
import { CaseSubjects1765300000000 } from "./1765300000000-case-subjects";
import { AppraiserStatusHistory1765400000000 } from "./1765400000000-appraiser-status-history";
import { DisciplinarySanctions1765500000000 } from "./1765500000000-disciplinary-sanctions";
import { Standards1765600000000 } from "./1765600000000-standards";
import { PublicReports1765700000000 } from "./1765700000000-public-reports";
import { TypicalCases1765800000000 } from "./1765800000000-typical-cases";
import { InstitutionGrades1765900000000 } from "./1765900000000-institution-grades";
import { Circulars1766000000000 } from "./1766000000000-circulars";
import { StandardsApplied1766100000000 } from "./1766100000000-standards-applied";
import { RemovalProposals1766200000000 } from "./1766200000000-removal-proposals";

/** Every migration, oldest first. Committed and reviewed; the schema is never synchronized from entities. */
export const MIGRATIONS = [Foundation1763700000000, Directory1763800000000, CasesFeedback1763900000000, Collaboration1764000000000, Credit1764100000000, PatentsTrademarks1764200000000, Statistics1764300000000, CaseNumberKeys1764400000000, CalendarYears1764500000000, AgencyRegistry1764600000000, PiiDataKeys1764700000000, ClientJwksUri1764800000000, PersonSignIn1764900000000, RateLimits1765000000000, Push1765100000000, TrustedDocuments1765200000000, CaseSubjects1765300000000, AppraiserStatusHistory1765400000000, DisciplinarySanctions1765500000000, Standards1765600000000, PublicReports1765700000000, TypicalCases1765800000000, InstitutionGrades1765900000000, Circulars1766000000000, StandardsApplied1766100000000, RemovalProposals1766200000000];
