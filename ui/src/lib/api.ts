// Calls into the Rust core through the generated bindings, turning `{status: "error"}` results
// into thrown `AppError`s that carry the core's code, message and field.
import type { ApiError, ErrorCode } from "./bindings";

export class AppError extends Error {
  readonly code: ErrorCode | "ipc";
  readonly field: string | null;
  constructor(code: ErrorCode | "ipc", message: string, field: string | null = null) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

/** What a binding call answers. */
export type Result<T> = { status: "ok"; data: T } | { status: "error"; error: ApiError };

/** Awaits a binding call and returns its data, or throws an `AppError`. */
export async function call<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await pending;
  } catch {
    throw new AppError("ipc", "Alongside could not reach its own core. Please restart the app.");
  }
  if (result.status === "ok") return result.data;
  const err = result.error;
  if (err && typeof err === "object" && "code" in err) {
    throw new AppError(err.code, err.message, err.field ?? null);
  }
  throw new AppError("ipc", String(err));
}

/** The message to show for any thrown value. */
export function messageOf(e: unknown): string {
  if (e instanceof AppError) return e.message;
  return "Something unexpected went wrong. Nothing has been lost; please try again.";
}
