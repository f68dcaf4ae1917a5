import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ActionModal } from "../../components/actions/ActionModal";
import { stepTexts } from "../../components/actions/stepTexts";

/**
 * A work order's step in a modal: titled and introduced under `work_orders.${step}` (the title
 * names the work order `no` or the failure that blocked it), its fields stacked, submitted as
 * `wo-${step}-save`.
 */
export function WorkOrderStep({
  step,
  no,
  failure,
  size,
  mutation,
  onClose,
  children,
}: {
  step: "plan" | "complete" | "failure" | "decide";
  no?: string;
  failure?: string;
  size?: string;
  mutation: { mutate: (input: undefined) => void; isPending: boolean };
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ActionModal
      {...stepTexts(t, `work_orders.${step}`, { no, failure })}
      size={size}
      onClose={onClose}
      mutation={mutation}
      submitTestId={`wo-${step}-save`}
    >
      <Stack gap="sm">{children}</Stack>
    </ActionModal>
  );
}
