import { TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Location } from "../../backend/bindings/Location";
import { call } from "../../backend/call";
import { DrawerForm } from "../../components/forms/DrawerForm";
import { bindFields } from "../../components/forms/draft";
import { ActiveSwitch, type Editing, useCodeForm } from "./CodeList";

/** A stock location's code and name. */
export function LocationForm({ onClose, ...editing }: Editing<Location> & { onClose: () => void }) {
  const { t } = useTranslation();
  const form = useCodeForm(
    "locations",
    editing,
    (location) => call("save_location", location),
    onClose,
    (saved) =>
      notifications.show({ color: "teal", message: t("locations.saved", { code: saved.code }) }),
  );
  const fields = bindFields(form, form.errors, (key) => t(`locations.${key}`));
  return (
    <DrawerForm {...form.drawer} submitTestId="location-save">
      <TextInput
        {...fields.text("code")}
        required
        disabled={!form.isNew}
        data-testid="location-code"
      />
      <TextInput {...fields.text("name")} required data-testid="location-name" />
      <ActiveSwitch form={form} />
    </DrawerForm>
  );
}
