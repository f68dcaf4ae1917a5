import { Checkbox, Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ConditionRequirement } from "../../backend/bindings/ConditionRequirement";
import type { ReasonRule } from "../../backend/bindings/ReasonRule";
import type { ShippingPaidBy } from "../../backend/bindings/ShippingPaidBy";
import { patchRow, RemoveRowButton, RowsCard } from "../../components/forms/RowsCard";
import { LineInput, LineSelect } from "../../components/orderLines/OrderLineCells";
import { TableHead } from "../../components/TableHead";
import { NEW_CONDITION, NEW_REASON } from "./policyForm";
import { reasonName } from "./verdict";

type Flag = "ignores_window" | "needs_evidence" | "customer_choice";
const REASON_FLAGS: Flag[] = ["ignores_window", "needs_evidence", "customer_choice"];

type Need = "original_packaging" | "unused" | "tags_attached";
const NEEDS: Need[] = ["original_packaging", "unused", "tags_attached"];

type Rules<T> = {
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The error at a field of the policy, by the backend's field name. */
  at: (field: string) => string | undefined;
};

/**
 * A card's table of rules, a row each, edited in place: the row's leading cells (what the rule
 * is for), a checkbox for each of its yes/no rules, and a button that removes it.
 */
function RulesTable<T extends Record<F, boolean>, F extends string>({
  testId,
  rowTestId,
  rows,
  onChange,
  columns,
  lead,
  flags,
  flagLabel,
  flagTestId,
  removeTestId,
}: {
  testId: string;
  rowTestId: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The headers of the leading cells. */
  columns: string[];
  lead: (row: T, i: number) => ReactNode;
  flags: F[];
  flagLabel: (flag: F) => string;
  flagTestId?: (flag: F, i: number) => string;
  removeTestId?: (i: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <Table data-testid={testId}>
      <TableHead columns={[...columns, ...flags.map(flagLabel), ""]} />
      <Table.Tbody>
        {rows.map((row, i) => (
          // Rows are edited in place and only added at the end, so the index is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Table.Tr key={i} data-testid={rowTestId}>
            {lead(row, i)}
            {flags.map((f) => (
              <Table.Td key={f}>
                <Checkbox
                  checked={row[f]}
                  onChange={(e) =>
                    onChange(patchRow(rows, i, { [f]: e.currentTarget.checked } as Partial<T>))
                  }
                  aria-label={flagLabel(f)}
                  data-testid={flagTestId?.(f, i)}
                />
              </Table.Td>
            ))}
            <Table.Td>
              <RemoveRowButton
                label={t("returns.policy.remove")}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                testId={removeTestId?.(i)}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The return reasons the policy knows: who pays the way back, and what each reason allows. */
export function ReasonRules({ rows, onChange, at }: Rules<ReasonRule>) {
  const { t } = useTranslation();
  const setReason = (i: number, patch: Partial<ReasonRule>) => onChange(patchRow(rows, i, patch));
  return (
    <RowsCard
      title={t("returns.policy.reasons")}
      addLabel={t("returns.policy.add_reason")}
      addTestId="policy-reason-add"
      onAdd={() => onChange([...rows, { ...NEW_REASON }])}
    >
      <RulesTable
        testId="policy-reasons"
        rowTestId="policy-reason-row"
        rows={rows}
        onChange={onChange}
        columns={[t("returns.policy.code"), t("returns.policy.shipping_paid_by")]}
        lead={(r, i) => (
          <>
            <LineInput
              value={r.code}
              onChange={(code) => setReason(i, { code })}
              error={at(`reasons[${i}].code`)}
              description={r.code ? reasonName(t, r.code) : undefined}
              label={t("returns.policy.code")}
              testId={`policy-reason-code-${i}`}
            />
            <LineSelect
              value={r.shipping_paid_by}
              onChange={(paid: ShippingPaidBy) => setReason(i, { shipping_paid_by: paid })}
              data={[
                { value: "us", label: t("returns.policy.paid_by_us") },
                { value: "customer", label: t("returns.policy.paid_by_customer") },
              ]}
              label={t("returns.policy.shipping_paid_by")}
              testId={`policy-reason-paid-${i}`}
            />
          </>
        )}
        flags={REASON_FLAGS}
        flagLabel={(f) => t(`returns.policy.${f}`)}
        flagTestId={(f, i) => `policy-reason-${f.replaceAll("_", "-")}-${i}`}
        removeTestId={(i) => `policy-reason-remove-${i}`}
      />
    </RowsCard>
  );
}

/** The condition a returned item of a category must be in. */
export function ConditionRules({ rows, onChange, at }: Rules<ConditionRequirement>) {
  const { t } = useTranslation();
  return (
    <RowsCard
      title={t("returns.policy.conditions")}
      addLabel={t("returns.policy.add_condition")}
      addTestId="policy-condition-add"
      onAdd={() => onChange([...rows, { ...NEW_CONDITION }])}
    >
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("returns.policy.no_conditions")}
        </Text>
      ) : (
        <RulesTable
          testId="policy-conditions"
          rowTestId="policy-condition-row"
          rows={rows}
          onChange={onChange}
          columns={[t("returns.policy.category")]}
          lead={(c, i) => (
            <LineInput
              value={c.category}
              onChange={(category) => onChange(patchRow(rows, i, { category }))}
              error={at(`conditions[${i}].category`)}
              label={t("returns.policy.category")}
              testId={`policy-condition-category-${i}`}
            />
          )}
          flags={NEEDS}
          flagLabel={(n) => t(`returns.condition.${n}`)}
        />
      )}
    </RowsCard>
  );
}
