import type { ParetoBarReview } from "../../backend/bindings/ParetoBarReview";
import type { ParetoReview } from "../../backend/bindings/ParetoReview";

/** What the Pareto's chart and its table show, and what opening one of its bars does. */
export type ParetoView = { pareto: ParetoReview; onOpen: (bar: ParetoBarReview) => void };
