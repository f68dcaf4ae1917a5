import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { CellBadge } from "./CellBadge";

type Props = {
  status: string;
  /** Each status's Mantine colour; one not listed is gray. */
  colors: Record<string, string>;
  /** The i18n prefix of the statuses' names: `${prefix}.${status}`. */
  prefix: string;
  testId?: string;
};

/** A record's status in a table cell (and on its page), with `data-status` for the e2e flows. */
export function CellStatusBadge({ status, colors, prefix, testId }: Props) {
  const { t } = useTranslation();
  return (
    <CellBadge color={colors[status] ?? "gray"} testId={testId} data={{ status }}>
      {t(`${prefix}.${status}`)}
    </CellBadge>
  );
}

/** A record's status as a solid badge; the record's last status (`done`) is a light one. */
export function StateBadge({ status, colors, prefix, testId, done }: Props & { done: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[status] ?? "gray"}
      variant={status === done ? "light" : "filled"}
      data-testid={testId}
      data-status={status}
    >
      {t(`${prefix}.${status}`)}
    </Badge>
  );
}

/** The status badge of one kind of record, for lists: `cellStatusBadge(COLORS, "returns.status")`. */
export const cellStatusBadge =
  <S extends string>(colors: Record<S, string>, prefix: string) =>
  ({ status, testId }: { status: S; testId?: string }) => (
    <CellStatusBadge status={status} colors={colors} prefix={prefix} testId={testId} />
  );

/** The solid status badge of one kind of record whose last status is `done`. */
export const stateBadge =
  <S extends string>(colors: Record<S, string>, prefix: string, done: S) =>
  ({ status, testId }: { status: S; testId?: string }) => (
    <StateBadge status={status} colors={colors} prefix={prefix} done={done} testId={testId} />
  );
