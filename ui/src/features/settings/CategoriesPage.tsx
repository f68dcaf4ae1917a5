import { Badge, Button, Center, Loader, Stack, Switch, Table, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DefectCategory } from "../../backend/bindings/DefectCategory";
import { TEXT_LIMITS } from "../../backend/bindings/textLimits";
import { call } from "../../backend/call";
import { DrawerForm, useFieldSave } from "../../components/forms/DrawerForm";
import { HeadedTable } from "../../components/HeadedTable";
import { PageHeader } from "../../components/page/PageHeader";
import { keys } from "../../queries/keys";
import { useCategories } from "../../queries/lists";
import { categoryName } from "../failures/categoryName";
import { AqlSwitchingSetting } from "./AqlSwitchingSetting";
import { CategoryReactions } from "./CategoryReactions";

const EMPTY: DefectCategory = { code: "", name_en: "", name_zh: "", name_nl: "", active: true };

/** The configurable defect categories inspectors pick from, named in all three languages. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<{ category: DefectCategory; isNew: boolean } | null>(null);
  const categories = useCategories();
  return (
    <Stack gap="md">
      <PageHeader title={t("categories.title")}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setEditing({ category: EMPTY, isNew: true })}
          data-testid="categories-new"
        >
          {t("categories.new")}
        </Button>
      </PageHeader>
      <AqlSwitchingSetting />
      <CategoryReactions />
      {categories.isPending ? (
        <Center h={200}>
          <Loader />
        </Center>
      ) : (
        <HeadedTable
          tableProps={{ striped: true, highlightOnHover: true, withTableBorder: true }}
          columns={[
            { label: t("categories.code"), w: 100 },
            t("categories.name"),
            "English",
            "中文",
            "Nederlands",
            { label: t("categories.status"), w: 110 },
          ]}
          items={categories.data ?? []}
          row={(c) => (
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
          )}
        />
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
  const { save, errors } = useFieldSave(
    () => call("save_defect_category", { ...draft, code: draft.code.trim().toUpperCase() }),
    () => {
      void client.invalidateQueries({ queryKey: keys.categories });
      onClose();
    },
  );
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
    <DrawerForm
      title={t(isNew ? "categories.new" : "categories.edit")}
      onClose={onClose}
      onSubmit={() => save.mutate()}
      pending={save.isPending}
      submitTestId="category-save"
    >
      {text("code", t("categories.code"))}
      {text("name_en", `${t("categories.name")} (English)`)}
      {text("name_zh", `${t("categories.name")} (中文)`)}
      {text("name_nl", `${t("categories.name")} (Nederlands)`)}
      <Switch
        label={t("categories.active_hint")}
        checked={draft.active}
        onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
      />
    </DrawerForm>
  );
}
