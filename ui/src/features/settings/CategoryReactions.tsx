import { Alert, NativeSelect, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { call } from "../../backend/call";
import { HeadedTable } from "../../components/HeadedTable";
import { Note } from "../../components/Note";
import { errorMessage } from "../../errors/apiError";
import { REACTIONS, reactionChoice, reactionOf } from "../masterdata/reactions";

/**
 * The reaction to a failed inspection for each product category: what its products' failures
 * hold and whether the quality lead is told, unless a product says its own. With none set, the
 * lot is held (the global rule).
 */
export function CategoryReactions() {
  const { t } = useTranslation();
  const { session } = useSession();
  const mayEdit = session.permissions.includes("configure_quality");
  const client = useQueryClient();
  const reactions = useQuery({
    queryKey: ["category-reactions"],
    queryFn: () => call("list_category_reactions", {}),
  });
  const save = useMutation({
    mutationFn: ({ category, choice }: { category: string; choice: string }) =>
      call("set_category_reaction", { category, reaction: reactionOf(choice) }),
    onSuccess: (rows) => client.setQueryData(["category-reactions"], rows),
  });
  const rows = reactions.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={5}>{t("categories.reactions_title")}</Title>
        <Note>{t("categories.reactions_intro")}</Note>
        {save.isError && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
        <HeadedTable
          data-testid="category-reactions"
          columns={[]}
          items={rows}
          row={(row) => (
            <Table.Tr key={row.category}>
              <Table.Td>
                {row.category}
                <Text size="xs" c="dimmed">
                  {t("categories.reaction_products", { count: Number(row.products) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  disabled={!mayEdit || save.isPending}
                  value={reactionChoice(row.reaction)}
                  onChange={(e) =>
                    save.mutate({ category: row.category, choice: e.currentTarget.value })
                  }
                  data={REACTIONS.map((r) => ({
                    value: r,
                    label: t(r === "" ? "categories.reaction_global" : `masterdata.reaction.${r}`),
                  }))}
                  aria-label={t("masterdata.field.failure_reaction")}
                  data-testid={`category-reaction-${row.category}`}
                />
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Stack>
    </Paper>
  );
}
