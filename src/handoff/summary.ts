import * as core from '@actions/core'
import { formatBytes, formatMs, formatPhases, type ImageRow, type Phases } from './report.js'
import { escapeHtml, escapeMarkdown } from './safe-text.js'

/** A job summary table (image, ID, size) with the phase times; skipped where the runner gives no summary file. */
export async function writeSummary(title: string, rows: ImageRow[], phases: Phases, note?: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  // Titles, names and notes carry keys and archive names: escaped so they stay text.
  const summary = core.summary.addHeading(escapeHtml(`image-handoff: ${title}`), 3)
  if (note !== undefined) summary.addRaw(escapeMarkdown(note), true)
  // One archive carries all images, so each row shares the handoff's time; the phases below split it.
  const total = formatMs(phases.reduce((sum, [, ms]) => sum + ms, 0))
  if (rows.length > 0) {
    summary.addTable([
      [{ data: 'Image', header: true }, { data: 'ID', header: true }, { data: 'Size', header: true }, { data: 'Time', header: true }],
      ...rows.map((r) => [escapeHtml(r.name), escapeHtml(r.id.slice(0, 19)), formatBytes(r.size), total])
    ])
  }
  summary.addRaw(`Time: ${formatPhases(phases)}`, true)
  await summary.write()
}
