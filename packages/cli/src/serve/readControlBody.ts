import { ControlError } from './controls';

/** The largest control body the server reads, in bytes as they arrive. */
export const MAX_CONTROL_BODY_BYTES = 64 * 1024;

/**
 * The JSON object of a control request (`POST /control/<name>`): an empty body is `{}`; one over
 * `MAX_CONTROL_BODY_BYTES` or not a JSON object is a `ControlError` (a `SyntaxError` when not JSON).
 */
export async function readControlBody(request: AsyncIterable<Buffer>): Promise<Record<string, unknown>> {
  // The raw bytes, decoded once at the end: a chunk may end inside a multi-byte UTF-8 character.
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request) {
    chunks.push(chunk);
    bytes += chunk.length;
    if (bytes > MAX_CONTROL_BODY_BYTES) throw new ControlError('control body too large');
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  const body: unknown = JSON.parse(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ControlError('body must be a JSON object');
  return body as Record<string, unknown>;
}
