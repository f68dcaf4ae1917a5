import type { FormEvent } from "react";

/** A form's submit handler that runs `submit` in place of the browser's page load. */
export function submitWith(submit: () => void) {
  return (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
}
