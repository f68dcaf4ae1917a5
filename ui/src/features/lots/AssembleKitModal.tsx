import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  TextInput,
} from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { BomView } from "../../backend/bindings/BomView";
import type { KitComponent } from "../../backend/bindings/KitComponent";
import { call } from "../../backend/call";
import { SubmitButtons } from "../../components/forms/SubmitButtons";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { fieldHeadings } from "../../components/TableHead";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { useActiveLocationCodes } from "../settings/useLocations";

/** One row per component lot to take from: the bill's components, each filled first expiry first. */
export type KitRow = { sku: string; lot_code: string; qty: number };

/** The component lots the form sends: rows with a lot and a quantity. */
export function kitComponents(rows: KitRow[]): KitComponent[] {
  return rows
    .filter((r) => r.lot_code.trim() !== "" && r.qty > 0)
    .map((r) => ({ lot_code: r.lot_code.trim().toUpperCase(), qty: r.qty }));
}

/** Assembles a kit lot from component lots by the kit's bill of materials. */
export function AssembleKitModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locations = useActiveLocationCodes();
  const navigate = useNavigate();
  const [sku, setSku] = useState("");
  const [lotCode, setLotCode] = useState("");
  const [qty, setQty] = useState(1);
  const [location, setLocation] = useState("MAIN");
  const [bom, setBom] = useState<BomView | null>(null);
  const [rows, setRows] = useState<KitRow[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The bill, then for each component the lots that may be used, first expiry first.
  const plan = async () => {
    setProblem(null);
    try {
      const found = await call("get_bom", { sku: sku.trim() });
      setBom(found);
      const planned: KitRow[] = [];
      for (const c of found.components) {
        const pick = await call("pick_suggestion", { sku: c.component_sku, qty: c.qty_per * qty });
        if (pick.lots.length === 0)
          planned.push({ sku: c.component_sku, lot_code: "", qty: c.qty_per * qty });
        for (const lot of pick.lots)
          planned.push({ sku: c.component_sku, lot_code: lot.lot_code, qty: lot.take });
      }
      setRows(planned);
      if (found.components.length === 0) setProblem(t("lots.kit.no_bom", { sku: sku.trim() }));
    } catch (err) {
      setProblem(errorMessage(t, err));
    }
  };

  const assemble = async () => {
    setBusy(true);
    setFields({});
    setProblem(null);
    try {
      const kit = {
        lot_code: lotCode,
        sku: sku.trim(),
        vendor_code: "",
        supplier_lot: null,
        qty,
        unit: "pcs",
        mfg_date: null,
        expiry_date: null,
        location,
        // Made here, so no supplier promised it.
        promised_on: null,
      };
      const lot = await call("assemble_kit", { kit, components: kitComponents(rows) });
      onClose();
      void navigate({ to: "/lots/$lotCode", params: { lotCode: lot.lot_code } });
    } catch (err) {
      const found = fieldErrors(t, err);
      setFields(found);
      setProblem(Object.values(found).join(" · ") || errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };

  const setRow = (i: number, change: Partial<KitRow>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <Modal opened onClose={onClose} size="lg" title={t("lots.kit.title")} data-testid="kit-modal">
      <Stack gap="sm">
        <Note>{t("lots.kit.intro")}</Note>
        <Group grow align="flex-start">
          <TextInput
            label={t("lots.kit.sku")}
            value={sku}
            onChange={(e) => setSku(e.currentTarget.value)}
            error={fields["kit.sku"]}
            data-testid="kit-sku"
          />
          <NumberInput
            label={t("lots.kit.qty")}
            min={1}
            value={qty}
            onChange={(v) => setQty(Number(v) || 0)}
            data-testid="kit-qty"
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t("lots.kit.lot_code")}
            value={lotCode}
            onChange={(e) => setLotCode(e.currentTarget.value)}
            error={fields["kit.lot_code"]}
            data-testid="kit-lot-code"
          />
          <Autocomplete
            label={t("lots.kit.location")}
            data={locations}
            value={location}
            onChange={setLocation}
            error={fields["kit.location"]}
          />
        </Group>
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => void plan()}
            disabled={sku.trim() === "" || qty <= 0}
            data-testid="kit-plan"
          >
            {t("lots.kit.plan")}
          </Button>
        </Group>
        {bom && rows.length > 0 && (
          <HeadedTable
            data-testid="kit-components"
            columns={fieldHeadings(t, "lots.kit", [
              "component",
              "component_lot",
              { right: "take" },
            ])}
            items={rows}
            row={(r, i) => (
              <Table.Tr key={`${r.sku}-${i.toString()}`}>
                <Table.Td>{r.sku}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={r.lot_code}
                    onChange={(e) => setRow(i, { lot_code: e.currentTarget.value })}
                    error={fields[`components[${i}].lot_code`]}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    min={0}
                    value={r.qty}
                    onChange={(v) => setRow(i, { qty: Number(v) || 0 })}
                    error={fields[`components[${i}].qty`]}
                  />
                </Table.Td>
              </Table.Tr>
            )}
          />
        )}
        {problem && (
          <Alert color="red" data-testid="kit-error">
            {problem}
          </Alert>
        )}
        <SubmitButtons
          onCancel={onClose}
          onSubmit={() => void assemble()}
          pending={busy}
          disabled={rows.length === 0 || lotCode.trim() === ""}
          testId="kit-submit"
          label={t("lots.kit.assemble")}
        />
      </Stack>
    </Modal>
  );
}
