import { Alert, Badge, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconEdit } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { ModalButton } from "../../components/ModalButton";
import { errorMessage } from "../../errors/apiError";
import { MinimumModal } from "../reports/MinimumModal";
import { useMayConfigureReviews } from "../reports/useAdmin";

/** A SKU's sellable stock against its minimum, when the SKU is watched; admins set the minimum. */
export function ProductSafetyStock({ sku }: { sku: string }) {
  const { t } = useTranslation();
  const admin = useMayConfigureReviews();
  // Under the "safety_stock_alerts" key, so that saving a minimum anywhere refreshes it.
  const query = useQuery({
    queryKey: ["safety_stock_alerts", { sku }],
    queryFn: () => call("safety_stock_alerts", { sku, below_only: false }),
  });
  const row = query.data?.[0] ?? null;
  const figure = (key: string, value: number, testId: string) => (
    <div>
      <Text c="dimmed" size="xs">
        {t(`masterdata.safety.${key}`)}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
  return (
    <Paper withBorder p="md" radius="md" mt="md" data-testid="product-safety-stock">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={5}>{t("masterdata.safety.title")}</Title>
            {row?.below_minimum && (
              <Badge color="red" data-testid="product-safety-below">
                {t("masterdata.safety.below")}
              </Badge>
            )}
          </Group>
          {admin && query.isSuccess && (
            <ModalButton
              size="xs"
              label={t(row ? "masterdata.safety.change" : "masterdata.safety.set")}
              icon={<IconEdit size={14} />}
              testId="product-safety-edit"
            >
              {(close) => (
                <MinimumModal
                  initial={{ sku, min_qty: row?.min_qty ?? null, max_qty: row?.max_qty ?? null }}
                  onClose={close}
                />
              )}
            </ModalButton>
          )}
        </Group>
        {query.isPending ? (
          <Loader size="sm" />
        ) : query.isError ? (
          <Alert color="red">{errorMessage(t, query.error)}</Alert>
        ) : row ? (
          <SimpleGrid cols={4} spacing="xs">
            {figure("sellable", row.sellable, "product-safety-sellable")}
            {figure("minimum", row.min_qty, "product-safety-minimum")}
            {figure("blocked", row.blocked, "product-safety-blocked")}
            {figure("in_returns", row.in_returns, "product-safety-in-returns")}
          </SimpleGrid>
        ) : null}
        {row && (
          <Text size="sm" data-testid="product-safety-reorder" data-qty={row.reorder.order_qty}>
            {row.reorder.order_qty > 0
              ? t("replenish.order", {
                  qty: row.reorder.order_qty,
                  vendor: row.vendor_name ?? row.vendor_code ?? "—",
                })
              : t("replenish.nothing")}
            {row.max_qty !== null && ` · ${t("replenish.maximum")}: ${row.max_qty}`}
            {row.coming_back > 0 && ` · ${t("replenish.coming_back")}: ${row.coming_back}`}
          </Text>
        )}
        {!query.isPending && !query.isError && !row && (
          <Text size="sm" c="dimmed" data-testid="product-safety-unwatched">
            {t("masterdata.safety.unwatched")}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
