import { Paper, Switch } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { errorMessage } from "../../errors/apiError";

/**
 * The responsible authority's approval of reduced AQL inspection (ISO 2859-1 9.3.3): without it
 * the switching rules never move a vendor's product to reduced inspection.
 */
export function AqlSwitchingSetting() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setting = useQuery({
    queryKey: ["aql_switching"],
    queryFn: () => call("get_aql_switching", {}),
  });
  const save = useMutation({
    mutationFn: (reduced_allowed: boolean) => call("set_aql_switching", { reduced_allowed }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["aql_switching"] });
      void client.invalidateQueries({ queryKey: ["inspection_severity"] });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
  });
  return (
    <Paper withBorder p="md">
      <Switch
        data-testid="aql-reduced-allowed"
        label={t("aql.reduced_allowed")}
        description={t("aql.reduced_allowed_hint")}
        checked={setting.data?.reduced_allowed ?? false}
        disabled={setting.isPending || save.isPending}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
      />
    </Paper>
  );
}
