import { DataSource } from "typeorm";
import { CustodyTrademark, TrademarkAlert } from "../entities/custody-trademark.entity";
import { loadManyBy, loadOneBy } from "./entity-loaders";

/** Batched fetches for marks under custody and their stored alerts (see `entity-loaders.ts`). */
export function createCustodyTrademarkLoaders(dataSource: DataSource) {
  return {
    custodyTrademarkById: loadOneBy(dataSource, CustodyTrademark, "id"),
    /** Newest first. */
    trademarkAlertsByTrademarkId: loadManyBy(dataSource, TrademarkAlert, "trademarkId", { raisedOn: "DESC", createdAt: "DESC" }),
  };
}
