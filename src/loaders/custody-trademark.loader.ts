import { DataSource } from "typeorm";
import { CustodyTrademark } from "../entities/custody-trademark.entity";
import { loadOneBy } from "./entity-loaders";
import { AlertWindow, trademarkAlertsByTrademarkId } from "./trademark-alert-feed";

/** Batched fetches for marks under custody and their alerts, computed EXPIRING ones included (see `entity-loaders.ts`). */
export function createCustodyTrademarkLoaders(dataSource: DataSource, alertWindow: () => AlertWindow) {
  return {
    custodyTrademarkById: loadOneBy(dataSource, CustodyTrademark, "id"),
    /** Newest first. */
    trademarkAlertsByTrademarkId: trademarkAlertsByTrademarkId(dataSource, alertWindow),
  };
}
