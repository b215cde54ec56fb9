/**
 * Text from users and archives (keys, image names, engine messages) made harmless where it is shown: the runner
 * executes any log line that starts with `::` (or holds `##[`), and the job summary renders Markdown and HTML.
 */

/**
 * One log line that cannot become a workflow command: line breaks are written as the toolkit escapes them
 * (`%0A`, `%0D`), a leading `::` and every legacy `##[` lose their meaning. Plain log lines are not decoded,
 * so the escapes stay visible, which is the point.
 */
export function logLine(text: string): string {
  return text
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/^(\s*)::/, '$1%3A:')
    .replace(/##\[/g, '##%5B')
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text inside the summary's HTML (headings, table cells): shown as written, never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c)
}

/**
 * One line for a terminal (the CLI): control characters from keys, names or engine messages shown as `\xNN`,
 * so none can move the cursor, recolour the screen or end the line.
 */
export function terminalLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}
