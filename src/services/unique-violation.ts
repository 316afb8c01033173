import { ConflictError } from "../errors/errors";

/**
 * Runs `work` and turns a PostgreSQL unique violation (23505) into CONFLICT. A pre-check gives the friendly
 * message in the common case; this catches the race where two requests pass the check at once.
 */
export async function conflictOnDuplicate<T>(work: () => Promise<T>, message: string, field: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string; driverError?: { code?: string } }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
    if (code === "23505") throw new ConflictError(message, { field });
    throw error;
  }
}
