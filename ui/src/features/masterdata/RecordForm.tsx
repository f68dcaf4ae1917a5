import {
  Button,
  Checkbox,
  Drawer,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Entity } from "../../backend/bindings/Entity";
import { errorMessage, fieldErrors } from "../../errors/apiError";

export type FieldSpec =
  | {
      name: string;
      kind: "text" | "textarea" | "money";
      required?: boolean;
      key?: boolean;
      wide?: boolean;
    }
  | { name: string; kind: "flag" }
  | { name: string; kind: "select"; options: { value: string; label: string }[] };

export type Values = Record<string, string | boolean>;

type Props<I> = {
  entity: Entity;
  fields: FieldSpec[];
  initial: Values;
  isNew: boolean;
  /** Values to the act's input; a string names a field whose value cannot be converted. */
  toInput: (values: Values) => I | { badField: string };
  save: (input: I) => Promise<unknown>;
  onClose: () => void;
};

/** A drawer form for one master-data record; field errors from the backend appear at their fields. */
export function RecordForm<I>({
  entity,
  fields,
  initial,
  isNew,
  toInput,
  save,
  onClose,
}: Props<I>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [entity] });
      notifications.show({ color: "teal", message: t("masterdata.saved") });
      onClose();
    },
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      if (Object.keys(fields).length === 0)
        notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });
  const set = (name: string, value: string | boolean) =>
    setValues((v) => ({ ...v, [name]: value }));
  const label = (name: string) => t(`masterdata.field.${name}`);

  const submit = () => {
    const input = toInput(values);
    if (typeof input === "object" && input !== null && "badField" in input) {
      setErrors({ [input.badField]: t("masterdata.bad_amount") });
      return;
    }
    mutation.mutate(input as I);
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t(isNew ? `masterdata.${entity}.new` : `masterdata.${entity}.edit`)}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <SimpleGrid cols={2} spacing="sm">
          {fields.map((f) => {
            const error =
              errors[f.name] ?? (f.kind === "money" ? errors[`${f.name}_minor`] : undefined);
            if (f.kind === "flag") {
              return (
                <Checkbox
                  key={f.name}
                  label={label(f.name)}
                  checked={values[f.name] === true}
                  onChange={(e) => set(f.name, e.currentTarget.checked)}
                  mt="xs"
                />
              );
            }
            if (f.kind === "select") {
              return (
                <NativeSelect
                  key={f.name}
                  label={label(f.name)}
                  data={f.options}
                  value={String(values[f.name] ?? "")}
                  onChange={(e) => set(f.name, e.currentTarget.value)}
                  error={error}
                />
              );
            }
            const Input = f.kind === "textarea" ? Textarea : TextInput;
            return (
              <Input
                key={f.name}
                label={label(f.name)}
                value={String(values[f.name] ?? "")}
                onChange={(e) => set(f.name, e.currentTarget.value)}
                required={f.required}
                disabled={f.key === true && !isNew}
                error={error}
                style={f.wide || f.kind === "textarea" ? { gridColumn: "1 / -1" } : undefined}
                inputMode={f.kind === "money" ? "decimal" : undefined}
                data-testid={`md-${f.name}`}
              />
            );
          })}
        </SimpleGrid>
        <Stack mt="lg">
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid={`${entity}-save`}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}

/** "" becomes null for optional text fields. */
export const optional = (value: string | boolean | undefined): string | null => {
  const text = String(value ?? "").trim();
  return text === "" ? null : text;
};
