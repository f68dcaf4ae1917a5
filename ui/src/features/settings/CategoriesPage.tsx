import { Stack, Table } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DefectCategory } from "../../backend/bindings/DefectCategory";
import { NewButton } from "../../components/page/NewButton";
import { PageHeader } from "../../components/page/PageHeader";
import { useCategories } from "../../queries/lists";
import { categoryName } from "../failures/categoryName";
import { AqlSwitchingSetting } from "./AqlSwitchingSetting";
import { CategoryForm } from "./CategoryForm";
import { CategoryReactions } from "./CategoryReactions";
import { ActiveCell, CodeTable, type Editing } from "./CodeList";

const EMPTY: DefectCategory = { code: "", name_en: "", name_zh: "", name_nl: "", active: true };

/** The configurable defect categories inspectors pick from, named in all three languages. */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Editing<DefectCategory> | null>(null);
  const categories = useCategories();
  return (
    <Stack gap="md">
      <PageHeader title={t("categories.title")}>
        <NewButton
          label={t("categories.new")}
          onClick={() => setEditing({ record: EMPTY, isNew: true })}
          testId="categories-new"
        />
      </PageHeader>
      <AqlSwitchingSetting />
      <CategoryReactions />
      <CodeTable
        pending={categories.isPending}
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
            onClick={() => setEditing({ record: c, isNew: false })}
            data-testid="category-row"
          >
            <Table.Td ff="monospace">{c.code}</Table.Td>
            <Table.Td fw={500}>{categoryName(c, i18n.language)}</Table.Td>
            <Table.Td>{c.name_en}</Table.Td>
            <Table.Td>{c.name_zh}</Table.Td>
            <Table.Td>{c.name_nl}</Table.Td>
            <ActiveCell active={c.active} prefix="categories" />
          </Table.Tr>
        )}
      />
      {editing && <CategoryForm {...editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
