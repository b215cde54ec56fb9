/**
 * The JSON object `text` holds, or undefined where it holds no JSON, or JSON that is not an object (an array, a
 * string, null): how a document that may be anything (a service's error page behind a proxy, an engine's output
 * line, a manifest another tool wrote) is read without throwing.
 */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
