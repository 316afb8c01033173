import { AgencyResolver } from "./agency.resolver";
import { AppraiserPracticeResolver, AppraiserResolver } from "./appraiser.resolver";
import { AuditEventResolver } from "./audit-event.resolver";
import { ClientSystemResolver } from "./client-system.resolver";
import { InstitutionResolver } from "./institution.resolver";
import { MeResolver } from "./me.resolver";

export const RESOLVERS = [MeResolver, AgencyResolver, ClientSystemResolver, AuditEventResolver, InstitutionResolver, AppraiserResolver, AppraiserPracticeResolver] as const;
