import { Badge, Button, Center, Loader, Stack, Switch, Table, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMay } from "../../app/session";
import type { Location } from "../../backend/bindings/Location";
import { call } from "../../backend/call";
import { DrawerForm, useFieldSave } from "../../components/forms/DrawerForm";
import { bindFields, useDraft } from "../../components/forms/draft";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { PageHeader } from "../../components/page/PageHeader";
import { fieldHeadings } from "../../components/TableHead";
import { keys } from "../../queries/keys";
import { useLocations } from "../../queries/lists";

const EMPTY: Location = { code: "", name: "", active: true };

/** The stock locations an administrator keeps; receipts, moves and restocks choose from them. */
export function LocationsPage() {
  const { t } = useTranslation();
  const admin = useMay("manage_locations");
  const [editing, setEditing] = useState<{ location: Location; isNew: boolean } | null>(null);
  const locations = useLocations();
  return (
    <Stack gap="md">
      <PageHeader title={t("locations.title")}>
        {admin && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ location: EMPTY, isNew: true })}
            data-testid="locations-new"
          >
            {t("locations.new")}
          </Button>
        )}
      </PageHeader>
      <Note>
        {t("locations.intro")} {admin ? "" : t("locations.admin_only")}
      </Note>
      {locations.isPending ? (
        <Center h={200}>
          <Loader />
        </Center>
      ) : (
        <HeadedTable
          tableProps={{ striped: true, highlightOnHover: admin, withTableBorder: true }}
          data-testid="locations-table"
          columns={fieldHeadings(t, "locations", ["code", "name", "status"])}
          items={locations.data ?? []}
          row={(l) => (
            <Table.Tr
              key={l.code}
              style={admin ? { cursor: "pointer" } : undefined}
              onClick={admin ? () => setEditing({ location: l, isNew: false }) : undefined}
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
                      setEditing({ location: l, isNew: false });
                    }}
                  >
                    {l.code}
                  </Button>
                ) : (
                  l.code
                )}
              </Table.Td>
              <Table.Td>{l.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={l.active ? "teal" : "gray"}>
                  {t(l.active ? "locations.active" : "locations.inactive")}
                </Badge>
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
      {editing && <LocationForm {...editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function LocationForm({
  location,
  isNew,
  onClose,
}: {
  location: Location;
  isNew: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { draft, set } = useDraft(location);
  const { save, errors } = useFieldSave(
    () => call("save_location", { ...draft, code: draft.code.trim().toUpperCase() }),
    (saved) => {
      void client.invalidateQueries({ queryKey: keys.locations });
      notifications.show({ color: "teal", message: t("locations.saved", { code: saved.code }) });
      onClose();
    },
  );
  const fields = bindFields({ draft, set }, errors, (key) => t(`locations.${key}`));
  return (
    <DrawerForm
      title={t(isNew ? "locations.new" : "locations.edit")}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      pending={save.isPending}
      submitTestId="location-save"
    >
      <TextInput {...fields.text("code")} required disabled={!isNew} data-testid="location-code" />
      <TextInput {...fields.text("name")} required data-testid="location-name" />
      <Switch
        label={t("locations.active_hint")}
        checked={draft.active}
        onChange={(e) => set("active", e.currentTarget.checked)}
      />
    </DrawerForm>
  );
}
