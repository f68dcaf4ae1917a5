import { useQuery } from "@tanstack/react-query";
import { call } from "../backend/call";
import { keys } from "./keys";

/** One record each, as its detail page and the forms that start from it read it. */

/** A failure; none is read while `failureNo` is null. */
export const useFailure = (failureNo: string | null) =>
  useQuery({
    queryKey: keys.failure(failureNo),
    queryFn: () => call("get_failure", { failure_no: failureNo ?? "" }),
    enabled: failureNo !== null,
  });

export const useReshipment = (reshipmentNo: string) =>
  useQuery({
    queryKey: keys.reshipment(reshipmentNo),
    queryFn: () => call("get_reshipment", { reshipment_no: reshipmentNo }),
  });

/** An RMA; none is read while `rmaNo` is null. */
export const useRma = (rmaNo: string | null) =>
  useQuery({
    queryKey: keys.rma(rmaNo),
    queryFn: () => call("get_rma", { rma_no: rmaNo ?? "" }),
    enabled: rmaNo !== null,
  });

export const useLot = (lotCode: string) =>
  useQuery({ queryKey: keys.lot(lotCode), queryFn: () => call("get_lot", { lot_code: lotCode }) });

export const useRecall = (recallNo: string) =>
  useQuery({
    queryKey: keys.recall(recallNo),
    queryFn: () => call("get_recall", { recall_no: recallNo }),
  });

export const useScar = (scarNo: string) =>
  useQuery({ queryKey: keys.scar(scarNo), queryFn: () => call("get_scar", { scar_no: scarNo }) });

/** An order, as a form that starts from it reads it; none while `orderNo` is empty. */
export const useOrder = (orderNo: string) =>
  useQuery({
    queryKey: keys.order(orderNo),
    queryFn: () => call("get_order", { order_no: orderNo }),
    enabled: orderNo !== "",
    retry: false,
  });

export const useWorkOrder = (workOrderNo: string) =>
  useQuery({
    queryKey: keys.workOrder(workOrderNo),
    queryFn: () => call("get_work_order", { work_order_no: workOrderNo }),
  });

export const useComplaint = (complaintNo: string) =>
  useQuery({
    queryKey: keys.complaint(complaintNo),
    queryFn: () => call("get_complaint", { complaint_no: complaintNo }),
  });
