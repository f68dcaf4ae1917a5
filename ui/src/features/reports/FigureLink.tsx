import { Anchor } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { FigureLink as Target } from "./links";

/**
 * A figure as a real link (focusable, opens with Enter, shows its target) to the list of the
 * records behind it. Each target is spelled out so the router checks its search params.
 */
export function FigureLink({
  link,
  children,
  testId,
  currency,
}: {
  link: Target;
  children: ReactNode;
  testId: string;
  /** Which currency's figure this is, when the table repeats the rows per currency. */
  currency?: string;
}) {
  return (
    <Anchor
      size="sm"
      data-testid={testId}
      data-currency={currency}
      renderRoot={(props) => {
        switch (link.to) {
          case "/failures":
            return <Link {...props} to="/failures" search={link.search} />;
          case "/reshipments":
            return <Link {...props} to="/reshipments" search={link.search} />;
          case "/returns":
            return <Link {...props} to="/returns" search={link.search} />;
          case "/chargebacks":
            return <Link {...props} to="/chargebacks" search={link.search} />;
        }
      }}
    >
      {children}
    </Anchor>
  );
}
