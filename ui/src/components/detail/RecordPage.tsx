import { Grid, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { HistoryTimeline } from "../HistoryTimeline";
import { DetailHeader } from "../page/PageHeader";

/** What a record's heading names: what it is, its number, and the test id the e2e flows find that number by. */
export type RecordHead = [title: string, number: string, numberTestId: string];

/**
 * One record's page: its heading with badges and the steps it offers, then its sections stacked under it,
 * and last, when given, its `history` (the pages whose history is not in a side column).
 * Every record page (lot, failure, RMA, reshipment, complaint, …) has this frame, so it lives here once.
 */
export function RecordPage({
  head,
  badges,
  actions,
  history,
  children,
}: {
  head: RecordHead;
  badges: ReactNode;
  actions: ReactNode;
  history?: Parameters<typeof HistoryTimeline>[0];
  children: ReactNode;
}) {
  return (
    <Stack gap="md">
      <DetailHeader title={head[0]} number={head[1]} numberTestId={head[2]} badges={badges}>
        {actions}
      </DetailHeader>
      {children}
      {history && <HistoryTimeline {...history} />}
    </Stack>
  );
}

/** A record's sections in two columns on a wide screen (`mainSpan` of 12 for the first), one under the other on a narrow one. */
export function RecordColumns({
  main,
  side,
  mainSpan = 7,
}: {
  main: ReactNode;
  side: ReactNode;
  mainSpan?: number;
}) {
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, lg: mainSpan }}>
        <Stack gap="md">{main}</Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 12 - mainSpan }}>
        <Stack gap="md">{side}</Stack>
      </Grid.Col>
    </Grid>
  );
}
