import { useQuery } from "@tanstack/react-query";
import { call } from "../backend/call";
import { useAct } from "./act";
import { keys } from "./keys";

/** One record each, as its detail page and the forms that start from it read it. */

/** A failure; none is read while `failureNo` is null. */
export const useFailure = (no: string | null) =>
  useAct(keys.failure(no), "get_failure", { failure_no: no ?? "" }, no !== null);

export const useReshipment = (no: string) =>
  useAct(keys.reshipment(no), "get_reshipment", { reshipment_no: no });

/** An RMA; none is read while `rmaNo` is null. */
export const useRma = (no: string | null) =>
  useAct(keys.rma(no), "get_rma", { rma_no: no ?? "" }, no !== null);

export const useLot = (code: string) => useAct(keys.lot(code), "get_lot", { lot_code: code });

export const useRecall = (no: string) => useAct(keys.recall(no), "get_recall", { recall_no: no });

export const useScar = (no: string) => useAct(keys.scar(no), "get_scar", { scar_no: no });

/** An order, as a form that starts from it reads it; none while `orderNo` is empty. */
export const useOrder = (orderNo: string) =>
  useQuery({
    queryKey: keys.order(orderNo),
    queryFn: () => call("get_order", { order_no: orderNo }),
    enabled: orderNo !== "",
    retry: false,
  });

export const useWorkOrder = (no: string) =>
  useAct(keys.workOrder(no), "get_work_order", { work_order_no: no });

export const useComplaint = (no: string) =>
  useAct(keys.complaint(no), "get_complaint", { complaint_no: no });
