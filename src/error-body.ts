/**
 * The text of an error answer (the Engine API's JSON, Azure's XML), read without waiting for more than a short
 * document: a server that keeps sending is cut off at `maxBytes`, and a connection that breaks leaves what came.
 * The stream is destroyed either way, since nothing else reads it.
 */
export async function readErrorBody(
  body: AsyncIterable<unknown> & { destroy(): unknown },
  maxBytes: number
): Promise<string> {
  const parts: Buffer[] = []
  let bytes = 0
  try {
    for await (const part of body as AsyncIterable<Buffer>) {
      parts.push(part)
      if ((bytes += part.length) >= maxBytes) break
    }
  } catch {
    // The answer's status says enough.
  } finally {
    body.destroy()
  }
  return Buffer.concat(parts).toString('utf8')
}
