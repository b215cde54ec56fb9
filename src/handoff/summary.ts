import { type ImageRow, type Phases } from './report.js'
import { formatBytes, formatMs } from '../units.js'
import { escapeHtml } from './safe-text.js'

/** What the job summary says about one step: enough to answer "what happened" without reading the log. */
export interface SummaryReport {
  /** `Saved 2 images`, `Loaded 1 image`, `Save failed`… */
  title: string
  backend: string
  key: string
  /** `hit`, `restore-key match "images-1"`, `miss`, `stored`, `not stored: …`, or the failure. */
  outcome: string
  rows: ImageRow[]
  phases: Phases
  /** Lines about the transfer: bytes stored and reused, layers left out. */
  notes: string[]
}

/** The summary as HTML/markdown; every text from a user or an archive is escaped. */
export function renderSummary(report: SummaryReport): string {
  const lines = [`<h3>image-handoff: ${escape(report.title)}</h3>`]
  lines.push(
    `<p><strong>Backend:</strong> ${escape(report.backend)} · <strong>Key:</strong> <code>${escape(report.key)}</code> · <strong>Outcome:</strong> ${escape(report.outcome)}</p>`
  )
  if (report.rows.length > 0) {
    const header = '<tr><th>Image</th><th>ID</th><th>Size</th></tr>'
    const rows = report.rows.map(
      (r) =>
        `<tr><td>${escape(r.name)}</td><td><code>${escape(r.id.slice(0, 19))}</code></td><td>${formatBytes(r.size)}</td></tr>`
    )
    lines.push(`<table>${header}${rows.join('')}</table>`)
  }
  for (const note of report.notes) lines.push(`<p>${escape(note)}</p>`)
  if (report.phases.length > 0) {
    const total = report.phases.reduce((sum, [, ms]) => sum + ms, 0)
    lines.push(
      `<p><strong>Time:</strong> ${report.phases.map(([name, ms]) => `${escape(name)} ${formatMs(ms)}`).join(' · ')} (total ${formatMs(total)})</p>`
    )
  }
  return lines.join('\n') + '\n'
}

/** One line of text inside the summary's HTML: no markup, no line break that could end the HTML block. */
function escape(text: string): string {
  return escapeHtml(text.replace(/[\r\n]+/g, ' ')).replace(/[@`|*_[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`)
}
