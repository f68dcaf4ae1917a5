import { Checkbox, Drawer, NativeSelect, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Entity } from "../../backend/bindings/Entity";
import { type FormErrors, NO_ERRORS, splitFieldErrors } from "../../components/forms/formErrors";
import { submitWith } from "../../components/submitWith";
import { errorMessage } from "../../errors/apiError";
import { FormFoot } from "./FormProblems";

export type FieldSpec =
  | {
      name: string;
      kind: "text" | "textarea" | "money";
      required?: boolean;
      key?: boolean;
      wide?: boolean;
      /** The backend's limit (`TEXT_LIMITS`), so the field stops where the check would refuse. */
      maxLength?: number;
    }
  | { name: string; kind: "flag" }
  | { name: string; kind: "select"; options: { value: string; label: string }[] };

export type Values = Record<string, string | boolean>;

/** A field whose value cannot be converted, and the message key (with params) saying why. */
export type BadField = { badField: string; message?: string; params?: Record<string, string> };

type Props<I> = {
  entity: Entity;
  fields: FieldSpec[];
  initial: Values;
  isNew: boolean;
  /** Values to the act's input, or the name of a field whose value cannot be converted. */
  toInput: (values: Values) => I | BadField;
  save: (input: I) => Promise<unknown>;
  onClose: () => void;
  /** Shown in the drawer under the form: what belongs to the record but is saved on its own. */
  extra?: React.ReactNode;
};

const isBad = (value: unknown): value is BadField =>
  typeof value === "object" && value !== null && "badField" in value;

/** A drawer form for one master-data record; field errors from the backend appear at their fields. */
export function RecordForm<I>(props: Props<I>) {
  const { entity, fields, isNew, onClose } = props;
  const { t } = useTranslation();
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(props.initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // Money is edited as "unit_cost" and sent as "unit_cost_minor"; errors come back on the latter.
  const place = (field: string) => {
    const name = fields.some((f) => f.name === field) ? field : field.replace(/_minor$/, "");
    return fields.some((f) => f.name === name) ? name : null;
  };
  const mutation = useMutation({
    mutationFn: props.save,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [entity] });
      notifications.show({ color: "teal", message: t("masterdata.saved") });
      onClose();
    },
    onError: (err) => {
      setErrors(splitFieldErrors(t, err, place));
      notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });
  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, at: { ...e.at, [name]: "" } }));
  };
  const label = (name: string) => t(`masterdata.field.${name}`);

  const submit = () => {
    const input = props.toInput(values);
    if (isBad(input)) {
      const message = t(input.message ?? "masterdata.bad_amount", input.params ?? {});
      setErrors({ at: { [input.badField]: message }, other: [] });
      return;
    }
    mutation.mutate(input);
  };

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t(isNew ? `masterdata.${entity}.new` : `masterdata.${entity}.edit`)}
    >
      <form onSubmit={submitWith(() => submit())}>
        <SimpleGrid cols={2} spacing="sm">
          {fields.map((f) => {
            const error = errors.at[f.name] || undefined;
            if (f.kind === "flag") {
              return (
                <Checkbox
                  key={f.name}
                  label={label(f.name)}
                  checked={values[f.name] === true}
                  onChange={(e) => set(f.name, e.currentTarget.checked)}
                  error={error}
                  mt="xs"
                  data-testid={`md-${f.name}`}
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
                  data-testid={`md-${f.name}`}
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
                maxLength={f.kind === "money" ? undefined : f.maxLength}
                disabled={f.key === true && !isNew}
                error={error}
                style={f.wide || f.kind === "textarea" ? { gridColumn: "1 / -1" } : undefined}
                inputMode={f.kind === "money" ? "decimal" : undefined}
                placeholder={f.kind === "money" ? "0.00" : undefined}
                data-testid={`md-${f.name}`}
              />
            );
          })}
        </SimpleGrid>
        <FormFoot
          problems={errors.other}
          onClose={onClose}
          pending={mutation.isPending}
          saveTestId={`${entity}-save`}
        />
      </form>
      {props.extra}
    </Drawer>
  );
}

/** "" becomes null for optional text fields. */
export const optional = (value: string | boolean | undefined): string | null => {
  const text = String(value ?? "").trim();
  return text === "" ? null : text;
};
