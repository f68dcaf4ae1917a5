// The only module that talks to the Tauri host. Every act goes through one command, "call".
import { Channel, invoke } from "@tauri-apps/api/core";
import type { Acts } from "./acts";
import type { ApiError } from "./bindings/ApiError";
import type { ImportInput } from "./bindings/ImportInput";
import type { ImportProgress } from "./bindings/ImportProgress";
import type { ImportReport } from "./bindings/ImportReport";
import type { PdfFile } from "./bindings/PdfFile";

export class ApiFailure extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message_key);
    this.error = error;
  }
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && "code" in value && "message_key" in value;
}

/** Dispatched on `window` when the backend signed the person out (their account was deactivated). */
export const SIGNED_OUT_EVENT = "lotline:signed-out";

/**
 * Dispatched on `window` when the backend refused an act because the session is locked (idle)
 * or its password must change first: the app shows the screen that deals with it.
 */
export const SESSION_BLOCKED_EVENT = "lotline:session-blocked";

const BLOCKING = ["error.session.idle_locked", "error.session.password_change_required"];

export async function call<A extends keyof Acts>(act: A, input: Acts[A][0]): Promise<Acts[A][1]> {
  return (await invokeHost("call", { act, input })) as Acts[A][1];
}

/**
 * Runs `import_csv` through the host's own command, which sends the backend's progress (rows
 * checked of all) on a channel as it goes; `cancelImport` stops it, and then nothing is imported.
 */
export async function importCsv(
  input: ImportInput,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const progress = new Channel<ImportProgress>();
  progress.onmessage = onProgress;
  return (await invokeHost("import_csv", { input, progress })) as ImportReport;
}

/** Cancels the import running now; it then fails with `error.import.cancelled`. */
export async function cancelImport(): Promise<void> {
  await invoke("cancel_import");
}

/** A host command whose failure is an ApiError, thrown as an ApiFailure. */
async function invokeHost(command: string, args: Record<string, unknown>): Promise<unknown> {
  try {
    return await invoke(command, args);
  } catch (err) {
    if (isApiError(err)) {
      if (err.message_key === "error.auth.deactivated") {
        window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: err }));
      }
      if (BLOCKING.includes(err.message_key)) {
        window.dispatchEvent(new CustomEvent(SESSION_BLOCKED_EVENT, { detail: err }));
      }
      throw new ApiFailure(err);
    }
    throw new ApiFailure({
      code: "internal",
      message_key: "error.internal",
      params: { detail: String(err) },
      fields: [],
    });
  }
}

/**
 * Ends this app and starts it again: after a restore was asked for, the next start does it
 * before it opens the data folder.
 */
export async function restartApp(): Promise<void> {
  await invoke("restart_app");
}

/** Shows the native save dialog and writes the text; resolves to the path, or null if cancelled. */
export async function saveTextFile(
  suggestedName: string,
  contents: string,
): Promise<string | null> {
  return (await invoke("save_text_file", { suggestedName, contents })) as string | null;
}

/** Shows the native save dialog and writes the PDF; resolves to the path, or null if cancelled. */
export async function savePdfFile(
  suggestedName: string,
  pdfBase64: string,
): Promise<string | null> {
  return saveBinaryFile(suggestedName, pdfBase64, "pdf");
}

/** Shows the native save dialog and writes the file (base64 as IPC carries text); null if cancelled. */
export async function saveBinaryFile(
  suggestedName: string,
  contentsBase64: string,
  kind: "pdf" | "xlsx",
): Promise<string | null> {
  return (await invoke("save_binary_file", { suggestedName, contentsBase64, kind })) as
    | string
    | null;
}

/** The acts that make a PDF. */
export type PdfAct = { [A in keyof Acts]: Acts[A][1] extends PdfFile ? A : never }[keyof Acts];

/** An act that makes a PDF, with its input. */
export type PdfRequest = { [A in PdfAct]: { act: A; input: Acts[A][0] } }[PdfAct];

/** Runs the act and returns its PDF, to save or show. */
export async function makePdf(request: PdfRequest): Promise<PdfFile> {
  return (await invokeHost("call", { act: request.act, input: request.input })) as PdfFile;
}

/**
 * Has the host run the act and open its PDF in the system's viewer, to print it; resolves to
 * where the file was written. The host takes no bytes or file name from the webview for this:
 * what the system opens is always the catalogue's own PDF.
 */
export async function printPdf(request: PdfRequest): Promise<string> {
  return (await invokeHost("print_document", { act: request.act, input: request.input })) as string;
}

/**
 * Asks the host to show a notification of the operating system. The host shows it only while
 * the window is not focused (a person looking at the app sees the inbox instead), and says
 * nothing outside the desktop app.
 */
export async function notifySystem(title: string, body: string): Promise<void> {
  try {
    await invoke("notify_os", { title, body });
  } catch {
    // A browser or a test has no host: the inbox is all there is.
  }
}
