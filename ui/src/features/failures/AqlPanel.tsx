import {
  Alert,
  Badge,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InspectionInput } from "../../backend/bindings/InspectionInput";
import type { InspectionLevel } from "../../backend/bindings/InspectionLevel";
import type { InspectionSeverity } from "../../backend/bindings/InspectionSeverity";
import { call } from "../../backend/call";
import { codeOptions } from "../../components/codeOptions";
import { SwitchingActions } from "./SwitchingActions";

export const AQL_VALUES = [0.065, 0.1, 0.15, 0.25, 0.4, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10];

type Props = {
  value: InspectionInput;
  onChange: (value: InspectionInput) => void;
  /** The vendor's product whose switching state sets the severity of inspection. */
  sku: string;
  vendorCode: string;
  /** The lot inspected, when known: a lot that passes is recorded with it. */
  lotCode?: string;
};

const LEVELS: InspectionLevel[] = ["I", "II", "III", "S-1", "S-2", "S-3", "S-4"];
const SEVERITIES: InspectionSeverity[] = ["normal", "tightened", "reduced"];

/** A severity and an "accept / reject" pair read as one: they never break over lines. */
const NOWRAP = { whiteSpace: "nowrap" } as const;

const CLASSES = [
  { severity: "critical", aql: "aql_critical", found: "defects_critical" },
  { severity: "major", aql: "aql_major", found: "defects_major" },
  { severity: "minor", aql: "aql_minor", found: "defects_minor" },
] as const;

/** ISO 2859-1 sampling: sample size and accept/reject per severity class, and the verdict. */
export function AqlPanel({ value, onChange, sku, vendorCode, lotCode = "" }: Props) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(value, 200);
  // The switching rules (ISO 2859-1 clause 9) say which severity applies; the form starts there.
  const switching = useQuery({
    queryKey: ["inspection_severity", sku, vendorCode],
    queryFn: () => call("inspection_severity", { sku, vendor_code: vendorCode }),
    enabled: sku !== "" && vendorCode !== "",
  });
  const rules = switching.data;
  const [appliedFor, setAppliedFor] = useState("");
  const key = `${sku}|${vendorCode}|${rules?.severity ?? ""}`;
  if (rules && appliedFor !== key) {
    setAppliedFor(key);
    onChange({ ...value, inspection: rules.severity });
  }
  const plans = useQueries({
    queries: CLASSES.map((c) => {
      const aql = debounced[c.aql];
      return {
        queryKey: ["aql_plan", debounced.lot_size, debounced.level, aql, debounced.inspection],
        queryFn: () =>
          call("aql_plan", {
            lot_size: debounced.lot_size,
            level: debounced.level,
            aql: aql ?? 0,
            inspection: debounced.inspection,
          }),
        enabled: aql !== null && debounced.lot_size >= 2,
      };
    }),
  });
  const set = (patch: Partial<InspectionInput>) => onChange({ ...value, ...patch });

  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        {t("aql.title")}
      </Title>
      {rules && (
        <Alert
          mb="sm"
          color={rules.discontinued ? "red" : rules.severity === "normal" ? "gray" : "orange"}
          data-testid="aql-switching"
          title={t(`aql.severity.${rules.severity}`)}
        >
          {t(`aql.reason.${rules.reason}`)}{" "}
          {t("aql.switching_figures", {
            score: rules.score,
            not_accepted: rules.not_accepted_of_last_five,
            run: rules.accepted_in_a_row_on_tightened,
            on_tightened: rules.not_accepted_on_tightened,
          })}
        </Alert>
      )}
      {rules && (
        <SwitchingActions
          rules={rules}
          inspection={value}
          sku={sku}
          vendorCode={vendorCode}
          lotCode={lotCode}
        />
      )}
      {/* Two a row: the severity's name ("Verscherpte inspectie") needs the card's width. */}
      <SimpleGrid cols={2} mb="sm">
        <NumberInput
          data-testid="aql-lot-size"
          label={t("aql.lot_size")}
          min={2}
          value={value.lot_size}
          onChange={(v) => set({ lot_size: Number(v) || 0 })}
        />
        <NativeSelect
          data-testid="aql-level"
          label={t("aql.level")}
          data={LEVELS}
          value={value.level}
          onChange={(e) => set({ level: e.currentTarget.value as InspectionLevel })}
        />
        <NativeSelect
          data-testid="aql-inspection"
          label={t("aql.inspection")}
          data={codeOptions(t, SEVERITIES, "aql.severity")}
          value={value.inspection}
          onChange={(e) => set({ inspection: e.currentTarget.value as InspectionSeverity })}
          style={{ gridColumn: "1 / -1" }}
        />
      </SimpleGrid>
      {/* Should it still not fit (a narrow window), the table scrolls inside its card. */}
      <Table.ScrollContainer minWidth={0} type="native">
        <Table verticalSpacing={4} horizontalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("failure.field.severity")}</Table.Th>
              <Table.Th>AQL</Table.Th>
              <Table.Th ta="right">{t("aql.sample_size")}</Table.Th>
              <Table.Th ta="right">Ac / Re</Table.Th>
              <Table.Th>{t("aql.found")}</Table.Th>
              <Table.Th>{t("aql.verdict")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CLASSES.map((c, i) => {
              const fetched = plans[i]?.data;
              // Critical defects are inspected at acceptance number 0, whatever the AQL (the
              // backend evaluates them so); without an AQL, on the major class's sample.
              const base = fetched ?? plans[1]?.data ?? plans[2]?.data;
              const plan =
                c.severity === "critical" && base ? { ...base, accept: 0, reject: 1 } : fetched;
              const found = value[c.found];
              const aql = value[c.aql];
              const severity = t(`failure.severity.${c.severity}`);
              return (
                <Table.Tr key={c.severity}>
                  <Table.Td style={NOWRAP}>{severity}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      // Room for "0.065" and the arrow: narrower, it showed one character.
                      miw={76}
                      data-testid={`aql-aql-${c.severity}`}
                      aria-label={t("aql.aql_for", { severity })}
                      value={aql === null ? "" : String(aql)}
                      onChange={(e) =>
                        set({
                          [c.aql]:
                            e.currentTarget.value === "" ? null : Number(e.currentTarget.value),
                        })
                      }
                      data={[
                        { value: "", label: "—" },
                        ...AQL_VALUES.map((a) => ({ value: String(a), label: String(a) })),
                      ]}
                    />
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    data-testid={c.severity === "major" ? "aql-sample-size" : undefined}
                  >
                    {plan ? (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Text size="sm">{plan.sample_size}</Text>
                        <Text size="xs" c="dimmed">
                          ({plan.code_letter})
                        </Text>
                        {plan.full_inspection && (
                          <Badge size="xs" color="orange">
                            {t("aql.full_inspection")}
                          </Badge>
                        )}
                      </Group>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={NOWRAP}>
                    {plan ? `${plan.accept} / ${plan.reject}` : "—"}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      min={0}
                      w={80}
                      aria-label={t("aql.found_for", { severity })}
                      data-testid={`aql-found-${c.severity}`}
                      value={found}
                      onChange={(v) => set({ [c.found]: Number(v) || 0 })}
                    />
                  </Table.Td>
                  <Table.Td data-testid={c.severity === "major" ? "aql-verdict" : undefined}>
                    {plan ? (
                      found <= plan.accept ? (
                        <Badge color="teal">{t("aql.accept")}</Badge>
                      ) : (
                        <Badge color="red">{t("aql.reject")}</Badge>
                      )
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
