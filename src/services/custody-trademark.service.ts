import { eventAbout } from "../push/event-types";
import { EntityManager } from "typeorm";
import { RecordStatus } from "../entities/agency-kind";
import { Agency } from "../entities/agency.entity";
import { CustodyTrademark, TrademarkAlert } from "../entities/custody-trademark.entity";
import { CustodyStatus, TRADEMARK_ALERT_TRANSITIONS, TrademarkAlertKind, TrademarkAlertStatus } from "../domain/trademark-enums";
import { findRegion } from "../domain/region-directory";
import { BadUserInputError, InvalidStateTransitionError, NotFoundError } from "../errors/errors";
import { regionLikePattern } from "../auth/region";
import { RequestScope } from "../context/request-scope";
import { Page } from "./pagination";
import { conflictOnDuplicate } from "./unique-violation";
import * as check from "./validate";
import { custodyTrademarkVisibility } from "../policy/custody-trademark.visibility";
import { custodianOnly, placeUnderCustody, superviseCustody, updateCustody } from "../policy/custody-trademark.permissions";
import type { Clause } from "../policy/decision";
import { CommandRunner, Created } from "./command-runner";
import { alertFeedSql, alertFromRow, computedAlertOf, HUB_RAISER, readAlertFeed } from "../loaders/trademark-alert-feed";
import { equals, ListSpec, listPage, relationPage, RelationListSpec } from "./list-builder";
import type { CustodyTrademarkFilter, HandleTrademarkAlertInput, PlaceTrademarkUnderCustodyInput, RaiseTrademarkAlertInput, TrademarkAlertFilter, UpdateCustodyTrademarkInput } from "../inputs/custody-trademark.input";

/** Marks under custody, soonest expiry first. */
const TRADEMARK_LIST: ListSpec<CustodyTrademark, CustodyTrademarkFilter> = {
  entity: CustodyTrademark,
  alias: "t",
  filters: {
    regionCode: (code, t) => ({ clause: `${t}.region_code LIKE :region`, params: { region: regionLikePattern(check.regionCode(code, "filter.regionCode")) } }),
    niceClass: equals("nice_class", "niceClass"),
    category: equals("category", "category"),
    custodianAgencyCode: equals("custodian_agency_code", "custodian", (code: string) => code.trim()),
    markContains: (text, t) => ({ clause: `${t}.mark_name LIKE :mark`, params: { mark: check.containsPattern(text, "filter.markContains") } }),
    custodyStatus: equals("custody_status", "custodyStatus"),
    expiringBefore: (day, t) => ({ clause: `${t}.expires_on <= :expiringBefore`, params: { expiringBefore: check.localDate(day, "filter.expiringBefore") } }),
  },
  order: {
    direction: "ASC",
    keys: [
      { column: "t.expires_on", part: "date", value: (row) => row.expiresOn },
      { column: "t.id", part: "uuid", value: (row) => row.id },
    ],
  },
};

/** Alerts of the visible marks (stored and computed, `trademark-alert-feed.ts`), newest first. */
const ALERT_LIST: RelationListSpec<TrademarkAlert, TrademarkAlertFilter> = {
  alias: "a",
  row: alertFromRow,
  filters: {
    trademarkId: (id, a) => ({ clause: `${a}.trademark_id = :trademarkId`, params: { trademarkId: check.idFilter(id, "filter.trademarkId") } }),
    kind: equals("kind", "kind"),
    status: equals("status", "status"),
    unresolved: (on, a) => (on ? { clause: `${a}.status IN ('OPEN','IN_PROGRESS')`, params: {} } : null),
    regionCode: (code, a) => ({ clause: `${a}.region_code LIKE :region`, params: { region: regionLikePattern(check.regionCode(code, "filter.regionCode")) } }),
  },
  order: {
    direction: "DESC",
    keys: [
      { column: "a.raised_on", part: "date", value: (row) => row.raisedOn },
      { column: "a.id", part: "text", value: (row) => row.id },
    ],
  },
};

/**
 * 重点商标监控及托管: bureaus place well-known and GI marks under custody with a custodian agency; the
 * custodian enters alerts (similar filings, non-use cancellation) and handles them; EXPIRING alerts are
 * computed from the expiry date and stored only when handled. A mark and its alerts exist for the bureaus and
 * associations covering the owner's region and for the custodian.
 */
export class CustodyTrademarkService {
  private readonly commands: CommandRunner;

  constructor(private readonly scope: RequestScope) {
    this.commands = new CommandRunner(scope);
  }

  private get viewer() {
    return this.scope.viewer;
  }

  canSee(mark: CustodyTrademark): boolean {
    return custodyTrademarkVisibility.test(this.viewer, mark);
  }

  private visibilitySql(alias: string): Clause {
    return custodyTrademarkVisibility.sql(this.viewer, alias);
  }

  async byId(id: string): Promise<CustodyTrademark | null> {
    if (!check.isUuid(id)) return null;
    const mark = await this.scope.loaders.custodyTrademarkById.load(id);
    return mark && this.canSee(mark) ? mark : null;
  }

  async list(filter: CustodyTrademarkFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<CustodyTrademark>> {
    const page = await listPage(this.scope.reads, TRADEMARK_LIST, this.visibilitySql("t"), filter, { first, after });
    for (const row of page.nodes) this.scope.loaders.custodyTrademarkById.prime(row.id, row);
    return page;
  }

  /** A mark's alerts, newest first, the computed EXPIRING alert included while it is unhandled. */
  alertsOf(mark: CustodyTrademark): Promise<TrademarkAlert[]> {
    return this.scope.loaders.trademarkAlertsByTrademarkId.load(mark.id);
  }

  /** Alerts of the visible marks, computed EXPIRING alerts included, newest first. */
  alerts(filter: TrademarkAlertFilter, first: number | null | undefined, after: string | null | undefined): Promise<Page<TrademarkAlert>> {
    const visibility = this.visibilitySql("t");
    const window = this.scope.alertWindow();
    const relation = { clause: alertFeedSql(`(SELECT * FROM custody_trademarks t WHERE ${visibility.clause})`), params: { ...visibility.params, ...window } };
    return relationPage(this.scope.reads, ALERT_LIST, relation, filter, { first, after });
  }

  async placeUnderCustody(input: PlaceTrademarkUnderCustodyInput): Promise<Created<CustodyTrademark>> {
    const viewer = this.viewer;
    const registrationNumber = check.text(input.registrationNumber, "input.registrationNumber", { max: 11, required: true }).toUpperCase();
    if (!/^G?[0-9]{4,10}$/.test(registrationNumber)) throw new BadUserInputError("A trademark registration number is 4 to 10 digits (G and digits for an international registration).", "input.registrationNumber");
    if (!Number.isInteger(input.niceClass) || input.niceClass < 1 || input.niceClass > 45) throw new BadUserInputError("The Nice class is a number from 1 to 45.", "input.niceClass");
    const markName = check.text(input.markName, "input.markName", { max: 100, required: true });
    const ownerName = check.text(input.ownerName, "input.ownerName", { max: 200, required: true });
    const ownerCreditCode = check.creditCode(input.ownerCreditCode, "input.ownerCreditCode");
    const regionCode = input.regionCode ? check.regionCode(input.regionCode, "input.regionCode") : ownerCreditCode.slice(2, 8);
    if (!findRegion(regionCode)) throw new BadUserInputError("The owner's credit code does not name a known region: give regionCode.", "input.regionCode");
    const registeredOn = check.localDate(input.registeredOn, "input.registeredOn")!;
    const expiresOn = check.localDate(input.expiresOn, "input.expiresOn")!;
    if (!registeredOn || registeredOn > this.scope.today()) throw new BadUserInputError("registeredOn must be a past day.", "input.registeredOn");
    if (!expiresOn || expiresOn <= registeredOn) throw new BadUserInputError("expiresOn must come after registeredOn.", "input.expiresOn");
    placeUnderCustody.require(viewer, regionCode);
    const note = check.text(input.note, "input.note", { max: 2000, freeText: true });

    return conflictOnDuplicate(
      () =>
        this.commands.create({
          operation: "placeTrademarkUnderCustody",
          entity: CustodyTrademark,
          entityType: "CustodyTrademark",
          idempotencyKey: input.idempotencyKey,
          keyRequired: true,
          authorize: (manager) => this.activeAgency(manager, input.custodianAgencyCode, "input.custodianAgencyCode"),
          fingerprint: (custodian: Agency) => ({ registrationNumber, niceClass: input.niceClass, markName, category: input.category, ownerName, ownerCreditCode, regionCode, custodian: custodian.code, registeredOn, expiresOn, note }),
          write: async (manager, custodian) => {
            const saved = await manager.getRepository(CustodyTrademark).save(
              manager.create(CustodyTrademark, {
                registrationNumber,
                niceClass: input.niceClass,
                markName,
                category: input.category,
                ownerName,
                ownerCreditCode,
                regionCode,
                custodianAgencyId: custodian.id,
                custodianAgencyCode: custodian.code,
                registeredOn,
                expiresOn,
                custodyStatus: CustodyStatus.ACTIVE,
                note,
              }),
            );
            return { id: saved.id, fields: ["registrationNumber", "niceClass", "markName", "custodian", "expiresOn"] };
          },
        }),
      "This registration number is already under custody.",
      "input.registrationNumber",
    );
  }

  /**
   * Bureaus covering the owner's region change anything; the custodian records renewals (a new expiry) and
   * notes. A renewal resolves the stored EXPIRING alerts about the old expiry date.
   */
  async update(id: string, expectedVersion: number, input: UpdateCustodyTrademarkInput): Promise<CustodyTrademark> {
    const viewer = this.viewer;
    const expiresOn = check.localDate(input.expiresOn, "input.expiresOn");
    const note = input.note === undefined || input.note === null ? null : check.text(input.note, "input.note", { max: 2000, freeText: true });
    return this.commands.change({
      operation: "updateCustodyTrademark",
      entity: CustodyTrademark,
      entityType: "CustodyTrademark",
      label: "Trademark under custody",
      id,
      expectedVersion,
      visible: (mark) => this.canSee(mark),
      authorize: (mark) => {
        if (input.custodianAgencyCode || input.custodyStatus) superviseCustody.require(viewer, mark);
        updateCustody.require(viewer, mark);
      },
      apply: async (mark, manager) => {
      const changes: Partial<CustodyTrademark> = {};
      if (expiresOn && expiresOn !== mark.expiresOn) {
        if (expiresOn <= mark.registeredOn) throw new BadUserInputError("expiresOn must come after registeredOn.", "input.expiresOn");
        changes.expiresOn = expiresOn;
      }
      if (input.custodianAgencyCode && input.custodianAgencyCode !== mark.custodianAgencyCode) {
        const custodian = await this.activeAgency(manager, input.custodianAgencyCode, "input.custodianAgencyCode");
        changes.custodianAgencyId = custodian.id;
        changes.custodianAgencyCode = custodian.code;
      }
      if (input.custodyStatus && input.custodyStatus !== mark.custodyStatus) changes.custodyStatus = input.custodyStatus;
      if (note !== null && note !== mark.note) changes.note = note;
      if (Object.keys(changes).length === 0) return { unchanged: true };
      if (changes.expiresOn) {
        await manager.query(
          `UPDATE trademark_alerts SET status = 'RESOLVED', handling_note = $3, handled_by_agency_code = $4, handled_at = $5, version = version + 1
            WHERE trademark_id = $1 AND kind = 'EXPIRING' AND due_on = $2 AND status IN ('OPEN','IN_PROGRESS')`,
          [mark.id, mark.expiresOn, `已续展，有效期至 ${changes.expiresOn}`, viewer.agency!.code, this.scope.now()],
        );
      }
      return { changes, fields: Object.keys(changes) };
      },
    });
  }

  /** The custodian enters a similar filing or a non-use cancellation; EXPIRING alerts are the hub's to raise. */
  async raiseAlert(input: RaiseTrademarkAlertInput): Promise<Created<TrademarkAlert>> {
    const viewer = this.viewer;
    if (input.kind === TrademarkAlertKind.EXPIRING) throw new BadUserInputError("EXPIRING alerts are computed from the expiry date.", "input.kind");
    const detail = check.text(input.detail, "input.detail", { max: 4000, required: true, freeText: true });
    const reference = check.optionalText(input.reference, "input.reference", 100);
    const dueOn = check.localDate(input.dueOn, "input.dueOn");
    return this.commands.create({
      operation: "raiseTrademarkAlert",
      entity: TrademarkAlert,
      entityType: "TrademarkAlert",
      idempotencyKey: input.idempotencyKey,
      keyRequired: true,
      authorize: async (manager) => {
        const mark = check.isUuid(input.trademarkId) ? await manager.getRepository(CustodyTrademark).findOneBy({ id: input.trademarkId }) : null;
        if (!mark || !this.canSee(mark)) throw new NotFoundError("Trademark under custody");
        custodianOnly.require(viewer, mark);
        if (mark.custodyStatus !== CustodyStatus.ACTIVE) throw new InvalidStateTransitionError("Custody", mark.custodyStatus, "alert");
        return mark;
      },
      fingerprint: { trademarkId: input.trademarkId, kind: input.kind, detail, reference, dueOn },
      write: async (manager, mark) => {
        const saved = await manager.getRepository(TrademarkAlert).save(
          manager.create(TrademarkAlert, { trademarkId: mark.id, kind: input.kind, detail, reference, dueOn, raisedOn: this.scope.today(), raisedByAgencyCode: viewer.agency!.code, status: TrademarkAlertStatus.OPEN }),
        );
        return { id: saved.id, fields: ["kind", "detail", ...(reference ? ["reference"] : [])], events: [eventAbout("custody_trademark.alert_raised", mark, [mark.regionCode])] };
      },
    });
  }

  /** The custodian moves an alert along OPEN → IN_PROGRESS → RESOLVED / DISMISSED; a computed one is stored first. */
  async handleAlert(alertId: string, expectedVersion: number, input: HandleTrademarkAlertInput): Promise<TrademarkAlert> {
    const viewer = this.viewer;
    const note = check.text(input.note, "input.note", { max: 2000, required: true, freeText: true });
    return this.commands.change({
      operation: "handleTrademarkAlert",
      entity: TrademarkAlert,
      entityType: "TrademarkAlert",
      label: "Trademark alert",
      id: alertId,
      expectedVersion,
      load: (manager, id) => this.storedAlert(manager, id),
      facts: (alert, manager) => manager.getRepository(CustodyTrademark).findOneByOrFail({ id: alert.trademarkId }),
      visible: (_alert, mark) => this.canSee(mark),
      authorize: (_alert, mark) => custodianOnly.require(viewer, mark),
      apply: async (alert, _manager, mark) => {
        if (!TRADEMARK_ALERT_TRANSITIONS[alert.status].includes(input.status)) throw new InvalidStateTransitionError("The trademark alert", alert.status, input.status);
        const ended = input.status === TrademarkAlertStatus.RESOLVED || input.status === TrademarkAlertStatus.DISMISSED;
        return {
          changes: { status: input.status, handlingNote: note, handledByAgencyCode: viewer.agency!.code, handledAt: this.scope.now() },
          touchUpdatedAt: false,
          fields: ["status", "handlingNote"],
          events: ended ? [eventAbout("custody_trademark.alert_resolved", mark, [mark.regionCode])] : [],
        };
      },
    });
  }

  /**
   * The stored alert an id names. A computed EXPIRING id is stored on first handling (once: a unique index
   * per mark and expiry date), as long as it still describes the mark's current expiry inside the window.
   */
  private async storedAlert(manager: EntityManager, alertId: string): Promise<TrademarkAlert | null> {
    if (check.isUuid(alertId)) return manager.getRepository(TrademarkAlert).findOneBy({ id: alertId });
    const named = computedAlertOf(alertId);
    if (!named || !check.isUuid(named.trademarkId)) return null;
    const { trademarkId, dueOn } = named;
    // Locked first, so a renewal (which resolves the stored alerts about the old expiry) takes turns with this.
    await manager.query(`SELECT 1 FROM custody_trademarks WHERE id = $1 FOR UPDATE`, [trademarkId]);
    const [computed] = await readAlertFeed(manager, this.scope.alertWindow(), "(SELECT * FROM custody_trademarks WHERE id = :trademarkId)", "a.id = :alertId", { trademarkId, alertId });
    if (computed) {
      await manager.query(
        `INSERT INTO trademark_alerts (trademark_id, kind, detail, due_on, raised_on, raised_by_agency_code, status)
         VALUES ($1, 'EXPIRING', $2, $3, $4, $5, 'OPEN') ON CONFLICT (trademark_id, due_on) WHERE kind = 'EXPIRING' DO NOTHING`,
        [trademarkId, computed.detail, dueOn, computed.raisedOn, HUB_RAISER],
      );
    }
    // Stored now, or by an earlier handling (then the feed no longer computes it).
    return manager.getRepository(TrademarkAlert).findOneBy({ trademarkId, kind: TrademarkAlertKind.EXPIRING, dueOn });
  }

  private async activeAgency(manager: EntityManager, code: string, field: string): Promise<Agency> {
    const agency = await manager.getRepository(Agency).findOneBy({ code: code.trim() });
    if (!agency || agency.status !== RecordStatus.ACTIVE) throw new BadUserInputError("The custodian must be an active agency registered with the hub.", field);
    return agency;
  }
}
