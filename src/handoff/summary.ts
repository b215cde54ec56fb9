import * as core from '@actions/core'
import { formatBytes, formatPhases, type ImageRow, type Phases } from './report.js'

/** A job summary table (image, ID, size) with the phase times; skipped where the runner gives no summary file. */
export async function writeSummary(title: string, rows: ImageRow[], phases: Phases, note?: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const summary = core.summary.addHeading(`image-handoff: ${title}`, 3)
  if (note !== undefined) summary.addRaw(note, true)
  if (rows.length > 0) {
    summary.addTable([
      [{ data: 'Image', header: true }, { data: 'ID', header: true }, { data: 'Size', header: true }],
      ...rows.map((r) => [r.name, r.id.slice(0, 19), formatBytes(r.size)])
    ])
  }
  summary.addRaw(`Time: ${formatPhases(phases)}`, true)
  await summary.write()
}
