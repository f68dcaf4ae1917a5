// Which steps of an RMA a person may take is the backend's answer (`my_actions` on every RMA).
// These say only which screens and buttons of the returns list to show, from the permissions
// the session names.

/** Who may open RMAs, and who may edit the returns policy. */
export const mayOpen = (permissions: readonly string[]) => permissions.includes("open_rma");
export const mayConfigure = (permissions: readonly string[]) =>
  permissions.includes("configure_returns");
/** Who may print labels (the handle-returns permission). */
export const mayPrintLabels = (permissions: readonly string[]) =>
  permissions.includes("handle_returns");
