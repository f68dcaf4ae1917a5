import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BomComponent } from "../../backend/bindings/BomComponent";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { errorMessage, fieldErrors } from "../../errors/apiError";

/** The rows being edited, blank rows left out of what is saved. */
export function bomToSave(rows: BomComponent[]): BomComponent[] {
  return rows
    .map((r) => ({ component_sku: r.component_sku.trim(), qty_per: r.qty_per }))
    .filter((r) => r.component_sku !== "");
}

/** A product's bill of materials: its components per unit, and the parts all levels down. */
export function ProductBom({ sku, mayEdit }: { sku: string; mayEdit: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ["bom", sku], queryFn: () => call("get_bom", { sku }) });
  const [rows, setRows] = useState<BomComponent[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (query.isPending) return <Loader size="sm" />;
  if (query.isError) return <Alert color="red">{errorMessage(t, query.error)}</Alert>;
  const bom = query.data;
  const parts = Object.entries(bom.parts_per_unit);
  const save = async (edited: BomComponent[]) => {
    setBusy(true);
    setErrors({});
    setOther(null);
    try {
      const saved = await call("save_bom", { parent_sku: sku, components: bomToSave(edited) });
      client.setQueryData(["bom", sku], saved);
      setRows(null);
    } catch (err) {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      if (Object.keys(fields).length === 0 || fields.components) {
        setOther(fields.components ?? errorMessage(t, err));
      }
    } finally {
      setBusy(false);
    }
  };
  const set = (i: number, row: Partial<BomComponent>) =>
    setRows((all) => (all ?? []).map((r, j) => (j === i ? { ...r, ...row } : r)));
  return (
    <Paper withBorder p="md" radius="md" mt="md" data-testid="product-bom">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{t("masterdata.bom.title")}</Title>
          {mayEdit && rows === null && (
            <Button
              size="xs"
              variant="default"
              onClick={() => setRows(bom.components.map((c) => ({ ...c })))}
              data-testid="product-bom-edit"
            >
              {t("masterdata.bom.edit")}
            </Button>
          )}
        </Group>
        {rows === null ? (
          bom.components.length === 0 ? (
            <Note>{t("masterdata.bom.empty")}</Note>
          ) : (
            <HeadedTable
              columns={[
                t("masterdata.bom.component"),
                { label: t("masterdata.bom.qty_per"), right: true },
              ]}
              items={bom.components}
              row={(c) => (
                <Table.Tr key={c.component_sku} data-testid="product-bom-row">
                  <Table.Td>{c.component_sku}</Table.Td>
                  <Table.Td ta="right">{c.qty_per}</Table.Td>
                </Table.Tr>
              )}
            />
          )
        ) : (
          <Stack gap={6}>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
              <Group key={i} gap="xs" align="flex-start">
                <TextInput
                  placeholder={t("masterdata.bom.component")}
                  value={r.component_sku}
                  onChange={(e) => set(i, { component_sku: e.currentTarget.value })}
                  error={errors[`components[${i}].component_sku`]}
                  style={{ flex: 1 }}
                  data-testid="product-bom-sku"
                />
                <NumberInput
                  min={1}
                  w={110}
                  value={r.qty_per}
                  onChange={(v) => set(i, { qty_per: typeof v === "number" ? v : 0 })}
                  error={errors[`components[${i}].qty_per`]}
                  data-testid="product-bom-qty"
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={6}
                  aria-label={t("masterdata.bom.remove")}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            {other && <Alert color="red">{other}</Alert>}
            <Group justify="space-between">
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => setRows([...rows, { component_sku: "", qty_per: 1 }])}
                data-testid="product-bom-add"
              >
                {t("masterdata.bom.add")}
              </Button>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setRows(null)}>
                  {t("common.cancel")}
                </Button>
                <Button
                  size="xs"
                  loading={busy}
                  onClick={() => void save(rows)}
                  data-testid="product-bom-save"
                >
                  {t("common.save")}
                </Button>
              </Group>
            </Group>
          </Stack>
        )}
        {parts.length > 0 && rows === null && (
          <Group gap={6}>
            <Note>{t("masterdata.bom.parts")}</Note>
            {parts.map(([part, qty]) => (
              <Badge key={part} variant="light" tt="none">
                {qty} × {part}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
