import { notifications } from "@mantine/notifications";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ComplaintDetail } from "../../backend/bindings/ComplaintDetail";
import type { FailureDetail } from "../../backend/bindings/FailureDetail";
import type { ReshipmentDetail } from "../../backend/bindings/ReshipmentDetail";
import type { RmaDetail } from "../../backend/bindings/RmaDetail";
import type { WorkOrderDetail } from "../../backend/bindings/WorkOrderDetail";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { keys } from "../../queries/keys";

/** The records whose steps run through one action; each step answers with the record's detail. */
export type RecordDetails = {
  failure: FailureDetail;
  reshipment: ReshipmentDetail;
  rma: RmaDetail;
  work_order: WorkOrderDetail;
  complaint: ComplaintDetail;
};
export type RecordKind = keyof RecordDetails;

/** What a step changed: the record's own detail is set at once, the lists that show it refresh. */
const SETTLE: { [K in RecordKind]: (client: QueryClient, detail: RecordDetails[K]) => void } = {
  failure: (client, failure) => {
    client.setQueryData(keys.failure(failure.failure_no), failure);
    void client.invalidateQueries({ queryKey: keys.failures });
    void client.invalidateQueries({ queryKey: keys.holds });
  },
  reshipment: (client, detail) => {
    client.setQueryData(keys.reshipment(detail.reshipment_no), detail);
    void client.invalidateQueries({ queryKey: keys.reshipments });
    void client.invalidateQueries({ queryKey: keys.orders });
  },
  rma: (client, detail) => {
    client.setQueryData(keys.rma(detail.rma_no), detail);
    void client.invalidateQueries({ queryKey: keys.rmas });
  },
  // A run moves lots (consumed, made, held) and what the stock alerts count.
  work_order: (client, detail) => {
    client.setQueryData(keys.workOrder(detail.work_order_no), detail);
    for (const key of [keys.workOrders, ["lots"], keys.failures, ["safety_stock_alerts"]])
      void client.invalidateQueries({ queryKey: key });
  },
  // A complaint shows on its work order's page too.
  complaint: (client, detail) => {
    client.setQueryData(keys.complaint(detail.complaint_no), detail);
    void client.invalidateQueries({ queryKey: keys.complaints });
    void client.invalidateQueries({ queryKey: ["work_order"] });
  },
};

/**
 * Runs one step of a record: on success the detail shows the returned state at once, lists
 * refresh and `onDone` gets the detail; on failure field errors go next to their fields, the
 * rest to a notification. `shown` names the fields the modal shows errors at; errors of other
 * fields go to the notification too.
 */
export function useRecordAction<K extends RecordKind, I>(
  kind: K,
  run: (input: I) => Promise<RecordDetails[K]>,
  onDone: (detail: RecordDetails[K]) => void,
  shown: (field: string) => boolean = () => true,
) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      SETTLE[kind](client, detail);
      setErrors({});
      onDone(detail);
    },
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      const hidden = Object.entries(fields)
        .filter(([field]) => !shown(field))
        .map(([, message]) => message);
      if (Object.keys(fields).length === 0)
        notifications.show({ color: "red", message: errorMessage(t, err) });
      else if (hidden.length > 0) notifications.show({ color: "red", message: hidden.join(" · ") });
    },
  });
  return { mutation, errors };
}

export const useFailureAction = <I>(
  run: (input: I) => Promise<FailureDetail>,
  onDone: () => void,
) => useRecordAction("failure", run, onDone);

export const useReshipmentAction = <I>(
  run: (input: I) => Promise<ReshipmentDetail>,
  onDone: () => void,
) => useRecordAction("reshipment", run, onDone);

export const useRmaAction = <I>(
  run: (input: I) => Promise<RmaDetail>,
  onDone: () => void,
  shown?: (field: string) => boolean,
) => useRecordAction("rma", run, onDone, shown);
