import { Button, Stack, Table } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMay } from "../../app/session";
import type { Location } from "../../backend/bindings/Location";
import { Note } from "../../components/Note";
import { NewButton } from "../../components/page/NewButton";
import { PageHeader } from "../../components/page/PageHeader";
import { fieldHeadings } from "../../components/TableHead";
import { useLocations } from "../../queries/lists";
import { ActiveCell, CodeTable, type Editing } from "./CodeList";
import { LocationForm } from "./LocationForm";

const EMPTY: Location = { code: "", name: "", active: true };

/** The stock locations an administrator keeps; receipts, moves and restocks choose from them. */
export function LocationsPage() {
  const { t } = useTranslation();
  const admin = useMay("manage_locations");
  const [editing, setEditing] = useState<Editing<Location> | null>(null);
  const locations = useLocations();
  return (
    <Stack gap="md">
      <PageHeader title={t("locations.title")}>
        {admin && (
          <NewButton
            label={t("locations.new")}
            onClick={() => setEditing({ record: EMPTY, isNew: true })}
            testId="locations-new"
          />
        )}
      </PageHeader>
      <Note>
        {t("locations.intro")} {admin ? "" : t("locations.admin_only")}
      </Note>
      <CodeTable
        pending={locations.isPending}
        tableProps={{ striped: true, highlightOnHover: admin, withTableBorder: true }}
        data-testid="locations-table"
        columns={fieldHeadings(t, "locations", ["code", "name", "status"])}
        items={locations.data ?? []}
        row={(l) => (
          <Table.Tr
            key={l.code}
            style={admin ? { cursor: "pointer" } : undefined}
            onClick={admin ? () => setEditing({ record: l, isNew: false }) : undefined}
            data-testid="location-row"
            data-code={l.code}
          >
            <Table.Td ff="monospace" style={{ whiteSpace: "nowrap" }}>
              {admin ? (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  ff="monospace"
                  onClick={(e) => {
                    // The row opens it for the mouse; the button does for the keyboard.
                    e.stopPropagation();
                    setEditing({ record: l, isNew: false });
                  }}
                >
                  {l.code}
                </Button>
              ) : (
                l.code
              )}
            </Table.Td>
            <Table.Td>{l.name}</Table.Td>
            <ActiveCell active={l.active} prefix="locations" />
          </Table.Tr>
        )}
      />
      {editing && <LocationForm {...editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
