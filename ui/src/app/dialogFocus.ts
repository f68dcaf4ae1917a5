// Dialogs here are mostly rendered while open and dropped on close, so Mantine's own focus
// handling sees no "closing" to return focus on, and it focuses the header's close button first.
// This keeps both promises for every dialog in one place: focus starts in the first field, and goes
// back to what opened the dialog when it closes (Escape, Cancel or Save).

const DIALOG = '[role="dialog"]';
const FIELD =
  'input:not([type="hidden"]):not([type="file"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The first field a person can type in or choose from, in the dialog's body. */
export function firstField(dialog: Element): HTMLElement | null {
  for (const field of dialog.querySelectorAll<HTMLElement>(FIELD)) {
    if (field.tabIndex >= 0 && !field.closest("[aria-hidden='true'], [hidden]")) return field;
  }
  return null;
}

const isCloseButton = (el: Element) =>
  el.matches(".mantine-Modal-close, .mantine-Drawer-close, .mantine-CloseButton-root");

/** Installs the document-wide behaviour; returns its removal (for tests). */
export function installDialogFocus(doc: Document): () => void {
  // What had focus (or was clicked) outside any dialog last: the dialog's opener, when one opens.
  let opener: HTMLElement | null = null;
  const seen = new WeakSet<Element>();

  // Mantine focuses a dialog's `data-autofocus` element, else its first tabbable one (Close, in
  // the header). Marking the first field when the dialog appears (a microtask, before Mantine's
  // timer) makes Mantine start there; a dialog naming its own start keeps it.
  const startInFirstField = (dialog: Element) => {
    if (seen.has(dialog)) return;
    if (dialog.querySelector("[data-autofocus]")) {
      seen.add(dialog);
      return;
    }
    const field = firstField(dialog);
    if (!field) return; // Its fields may still be loading; look again on the next change.
    seen.add(dialog);
    field.setAttribute("data-autofocus", "");
    // Fields that arrive after Mantine focused Close take focus only if nobody has moved it.
    const active = doc.activeElement;
    if (active && dialog.contains(active) && isCloseButton(active))
      field.focus({ preventScroll: true });
  };

  const remember = (event: Event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest(DIALOG)) return;
    opener =
      target.closest<HTMLElement>("button, a[href], [tabindex], input, select, textarea") ?? opener;
  };

  // The opener as it was when the dialog opened; focus goes back there only when a dialog closes
  // and left focus nowhere (so a click on blank space never pulls focus back later).
  let openedBy: HTMLElement | null = null;
  let open = false;
  const observer = new MutationObserver(() => {
    for (const dialog of doc.querySelectorAll(DIALOG)) startInFirstField(dialog);
    const now = doc.querySelector(DIALOG) !== null;
    if (now && !open) openedBy = opener;
    const closed = open && !now;
    open = now;
    if (!closed) return;
    const active = doc.activeElement;
    if ((active && active !== doc.body) || !openedBy?.isConnected) return;
    openedBy.focus({ preventScroll: true });
  });

  doc.addEventListener("focusin", remember);
  doc.addEventListener("pointerdown", remember, true);
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => {
    doc.removeEventListener("focusin", remember);
    doc.removeEventListener("pointerdown", remember, true);
    observer.disconnect();
  };
}
