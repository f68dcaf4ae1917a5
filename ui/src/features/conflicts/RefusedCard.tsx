import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { RefusedActView } from "../../backend/bindings/RefusedActView";
import { call } from "../../backend/call";
import { MutationButton } from "../../components/MutationButton";
import { errorMessage, translateKey } from "../../errors/apiError";
import { formatDateTimeShort } from "../../format";
import { REFUSED_ACTS } from "../settings/team/RefusedActs";
import { redoLink } from "./links";
import { OPEN_COUNT } from "./queries";

/** A change of this desk the team refused: what, by whom, why, and a Dismiss once it is read. */
export function RefusedCard({ refused }: { refused: RefusedActView }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => call("dismiss_refused_act", { act_id: refused.act_id }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: REFUSED_ACTS });
      void client.invalidateQueries({ queryKey: OPEN_COUNT });
    },
  });
  const redo = redoLink(refused.kind);
  return (
    <Paper withBorder p="md" radius="md" data-testid="refused-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={5}>
              {t("conflicts.refused.title", {
                what: t(`history.kind.${refused.kind}`, { defaultValue: refused.kind }),
              })}
            </Title>
            <Text size="sm" c="dimmed">
              {t("conflicts.refused.by", {
                who: refused.actor_name ?? "—",
                when: formatDateTimeShort(refused.occurred_at, i18n.language),
              })}
              {refused.number && <Text span ff="monospace">{` · ${refused.number}`}</Text>}
            </Text>
          </div>
          <Group gap="xs" wrap="nowrap">
            {redo && (
              <Anchor component={Link} to={redo} size="sm" data-testid="refused-redo">
                {t("conflicts.refused.redo")}
              </Anchor>
            )}
            <MutationButton size="xs" variant="default" mutation={dismiss} testId="refused-dismiss">
              {t("conflicts.refused.dismiss")}
            </MutationButton>
          </Group>
        </Group>
        <Text size="sm" data-testid="refused-card-reason">
          {translateKey(t, refused.reason_key, refused.params)}
        </Text>
        {dismiss.isError && (
          <Text size="sm" c="red">
            {errorMessage(t, dismiss.error)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
