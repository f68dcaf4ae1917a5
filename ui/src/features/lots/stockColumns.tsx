import type { TFunction } from "i18next";
import type { LotStatus } from "../../backend/bindings/LotStatus";
import { cellColumn } from "../../components/cellColumn";
import { LotStatusBadge } from "./badges";
import { formatQty } from "./dates";
import { ExpiryDate } from "./ExpiryDate";

type Stocked = {
  status: LotStatus;
  on_hand: number;
  unit: string;
  location: string | null;
  expiry_date: string | null;
};

/** The columns of a lot's stock, alike in every list of lots; each list sets its own widths. */
export function stockColumns<T extends Stocked>(
  t: TFunction,
  language: string,
  widths: { onHand: string; location: string },
) {
  return {
    status: cellColumn<T>(
      "status",
      t("lots.field.status"),
      (lot) => <LotStatusBadge status={lot.status} />,
      { width: "120px" },
    ),
    onHand: cellColumn<T>(
      "on_hand",
      t("lots.field.on_hand"),
      (lot) => formatQty(lot.on_hand, lot.unit, language),
      { width: widths.onHand, align: "right" },
    ),
    location: cellColumn<T>("location", t("lots.field.location"), (lot) => lot.location ?? "", {
      width: widths.location,
    }),
    expiry: cellColumn<T>(
      "expiry",
      t("lots.field.expiry_date"),
      (lot) => <ExpiryDate value={lot.expiry_date} />,
      { width: "110px" },
    ),
  };
}
