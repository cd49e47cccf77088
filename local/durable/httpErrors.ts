/** An answer the client API gives instead of a result: status and a message that names the problem. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The SDK sends `""` (no body) for no input; anything else must be JSON. Returns JSON text. */
export function parseJsonBody(body: Buffer): string | null {
  const text = body.toString('utf8').trim();
  if (text === '') return null;
  try {
    JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, `The request body is not valid JSON (${(err as Error).message}). Send the input as JSON, or no body for none.`);
  }
  return text;
}
