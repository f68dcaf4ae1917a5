import { Anchor } from "@mantine/core";
import { Link } from "@tanstack/react-router";

type Props = { no: string; testId?: string };

export function LotLink({ no, testId }: Props) {
  return (
    <Anchor
      size="sm"
      data-testid={testId}
      // Table rows open on click elsewhere; the link alone should handle its own click.
      onClick={(e) => e.stopPropagation()}
      renderRoot={(props) => <Link {...props} to="/lots/$lotCode" params={{ lotCode: no }} />}
    >
      {no}
    </Anchor>
  );
}

export function FailureLink({ no, testId }: Props) {
  return (
    <Anchor
      size="sm"
      data-testid={testId}
      renderRoot={(props) => (
        <Link {...props} to="/failures/$failureNo" params={{ failureNo: no }} />
      )}
    >
      {no}
    </Anchor>
  );
}

export function RmaLink({ no, testId }: Props) {
  return (
    <Anchor
      size="sm"
      data-testid={testId}
      renderRoot={(props) => <Link {...props} to="/returns/$rmaNo" params={{ rmaNo: no }} />}
    >
      {no}
    </Anchor>
  );
}

export function RecallLink({ no, testId }: Props) {
  return (
    <Anchor
      size="sm"
      data-testid={testId}
      renderRoot={(props) => <Link {...props} to="/recalls/$recallNo" params={{ recallNo: no }} />}
    >
      {no}
    </Anchor>
  );
}
