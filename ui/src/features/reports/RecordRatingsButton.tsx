import { notifications } from "@mantine/notifications";
import { IconHistory } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { call } from "../../backend/call";
import { SmallButton } from "../../components/SmallButton";
import { errorMessage } from "../../errors/apiError";

/** Keeps today's ratings in each vendor's history (at most one per vendor per day). */
export function RecordRatingsButton() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const record = useMutation({
    mutationFn: () => call("record_vendor_ratings", {}),
    onSuccess: (out) => {
      void client.invalidateQueries({ queryKey: ["vendor_scorecards"] });
      notifications.show({
        color: "teal",
        message: t("reports.vendors.recorded", { n: out.recorded.length, day: out.day }),
      });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(t, err) }),
  });
  return (
    <SmallButton
      label={t("reports.vendors.record_today")}
      icon={IconHistory}
      loading={record.isPending}
      onClick={() => record.mutate()}
      testId="record-ratings"
    />
  );
}
