import { AgencyResolver } from "./agency.resolver";
import { AuditEventResolver } from "./audit-event.resolver";
import { ClientSystemResolver } from "./client-system.resolver";
import { MeResolver } from "./me.resolver";

export const RESOLVERS = [MeResolver, AgencyResolver, ClientSystemResolver, AuditEventResolver] as const;
