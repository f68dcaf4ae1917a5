import { Anchor } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { MouseEvent } from "react";

type Props = { no: string; testId?: string };

/** Each record's page, and the name its number takes in the route. */
const PAGES = {
  lot: ["/lots/$lotCode", "lotCode"],
  failure: ["/failures/$failureNo", "failureNo"],
  rma: ["/returns/$rmaNo", "rmaNo"],
  recall: ["/recalls/$recallNo", "recallNo"],
  workOrder: ["/work-orders/$workOrderNo", "workOrderNo"],
} as const;

/** A record's number as a link to its page. */
export function RecordLink({
  page,
  no,
  testId,
  onClick,
  fw,
}: Props & { page: keyof typeof PAGES; onClick?: (e: MouseEvent) => void; fw?: number }) {
  const [to, param] = PAGES[page];
  return (
    <Anchor
      size="sm"
      fw={fw}
      data-testid={testId}
      onClick={onClick}
      // The route is chosen at run time; the router's types know only literal routes.
      renderRoot={(props) => <Link {...props} to={to} params={{ [param]: no } as never} />}
    >
      {no}
    </Anchor>
  );
}

// Table rows open on click elsewhere; the link alone should handle its own click.
export const LotLink = (props: Props) => (
  <RecordLink page="lot" onClick={(e) => e.stopPropagation()} {...props} />
);
export const FailureLink = (props: Props) => <RecordLink page="failure" {...props} />;
export const RmaLink = (props: Props) => <RecordLink page="rma" {...props} />;
export const RecallLink = (props: Props) => <RecordLink page="recall" {...props} />;
