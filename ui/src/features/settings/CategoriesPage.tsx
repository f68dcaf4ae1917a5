import {
  Badge,
  Button,
  Center,
  Drawer,
  Group,
  Loader,
  Stack,
  Switch,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DefectCategory } from "../../backend/bindings/DefectCategory";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { errorMessage, fieldErrors } from "../../errors/apiError";
import { categoryName } from "../failures/categoryName";
import { AqlSwitchingSetting } from "./AqlSwitchingSetting";
import { CategoryReactions } from "./CategoryReactions";

const EMPTY: DefectCategory = { code: "", name_en: "", name_zh: "", name_nl: "", active: true };

/** The configurable defect categories inspectors pick from, named in all three languages. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<{ category: DefectCategory; isNew: boolean } | null>(null);
  const categories = useQuery({
    queryKey: ["categories"],
    queryFn: () => call("list_defect_categories", {}),
  });
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} data-testid="page-title">
          {t("categories.title")}
        </Title>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ category: EMPTY, isNew: true })}
          data-testid="categories-new"
        >
          {t("categories.new")}
        </Button>
      </Group>
      <AqlSwitchingSetting />
      <CategoryReactions />
      {categories.isPending ? (
        <Center h={200}>
          <Loader />
        </Center>
      ) : (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{t("categories.code")}</Table.Th>
              <Table.Th>{t("categories.name")}</Table.Th>
              <Table.Th>English</Table.Th>
              <Table.Th>中文</Table.Th>
              <Table.Th>Nederlands</Table.Th>
              <Table.Th w={110}>{t("categories.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(categories.data ?? []).map((c) => (
              <Table.Tr
                key={c.code}
                style={{ cursor: "pointer" }}
                onClick={() => setEditing({ category: c, isNew: false })}
                data-testid="category-row"
              >
                <Table.Td ff="monospace">{c.code}</Table.Td>
                <Table.Td fw={500}>{categoryName(c, i18n.language)}</Table.Td>
                <Table.Td>{c.name_en}</Table.Td>
                <Table.Td>{c.name_zh}</Table.Td>
                <Table.Td>{c.name_nl}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.active ? "teal" : "gray"}>
                    {t(c.active ? "categories.active" : "categories.inactive")}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <CategoryForm {...editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function CategoryForm({
  category,
  isNew,
  onClose,
}: {
  category: DefectCategory;
  isNew: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState(category);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      call("save_defect_category", { ...draft, code: draft.code.trim().toUpperCase() }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["categories"] });
      onClose();
    },
    onError: (err) => {
      const fields = fieldErrors(t, err);
      setErrors(fields);
      if (Object.keys(fields).length === 0)
        notifications.show({ color: "red", message: errorMessage(t, err) });
    },
  });
  const text = (name: "code" | "name_en" | "name_zh" | "name_nl", label: string) => (
    <TextInput
      label={label}
      maxLength={name === "code" ? undefined : TEXT_LIMITS.label}
      value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })}
      error={errors[name]}
      required
      disabled={name === "code" && !isNew}
    />
  );
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      title={t(isNew ? "categories.new" : "categories.edit")}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          {text("code", t("categories.code"))}
          {text("name_en", `${t("categories.name")} (English)`)}
          {text("name_zh", `${t("categories.name")} (中文)`)}
          {text("name_nl", `${t("categories.name")} (Nederlands)`)}
          <Switch
            label={t("categories.active_hint")}
            checked={draft.active}
            onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
          />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="category-save">
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
