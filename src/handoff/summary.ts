import * as core from '@actions/core'
import { formatBytes, formatMs, type ImageRow, type Phases } from './report.js'

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
  lines.push(`<p><b>Backend:</b> ${escape(report.backend)} · <b>Key:</b> <code>${escape(report.key)}</code> · <b>Outcome:</b> ${escape(report.outcome)}</p>`)
  if (report.rows.length > 0) {
    const header = '<tr><th>Image</th><th>ID</th><th>Size</th></tr>'
    const rows = report.rows.map((r) => `<tr><td>${escape(r.name)}</td><td><code>${escape(r.id.slice(0, 19))}</code></td><td>${formatBytes(r.size)}</td></tr>`)
    lines.push(`<table>${header}${rows.join('')}</table>`)
  }
  for (const note of report.notes) lines.push(`<p>${escape(note)}</p>`)
  if (report.phases.length > 0) {
    const total = report.phases.reduce((sum, [, ms]) => sum + ms, 0)
    lines.push(`<p><b>Time:</b> ${report.phases.map(([name, ms]) => `${escape(name)} ${formatMs(ms)}`).join(' · ')} (total ${formatMs(total)})</p>`)
  }
  return lines.join('\n') + '\n'
}

export async function writeSummary(report: SummaryReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(renderSummary(report), true).write()
}

function escape(text: string): string {
  return text.replace(/[&<>"'`|*_[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`)
}
