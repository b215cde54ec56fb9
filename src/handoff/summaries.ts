/** The job summary of each outcome, from the results the orchestration already has. Pure. */
import { formatBytes } from '../units.js'
import type { SummaryReport } from './summary.js'
import type { SaveResult } from './save.js'
import type { LoadResult } from './load.js'

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`
const imagesIn = (rows: { id: string }[]): number => new Set(rows.map((r) => r.id)).size

export function saveSummary(backend: string, key: string, result: SaveResult): SummaryReport {
  const t = result.transfer
  const notes = [...(result.notes ?? [])]
  if (t !== undefined)
    notes.push(
      `Exported ${formatBytes(t.archiveBytes)}; stored ${formatBytes(t.storedBytes)} in ${count(t.chunks - t.reusedChunks, 'new chunk')}; ` +
        `reused ${formatBytes(t.reusedBytes)} (${count(t.reusedChunks, 'chunk')} already stored).`
    )
  return {
    title: result.outcome.saved ? `saved ${count(imagesIn(result.rows), 'image')}` : 'nothing saved',
    backend,
    key,
    outcome: result.outcome.saved ? 'stored' : `not stored: ${result.outcome.reason}`,
    rows: result.rows,
    phases: result.phases,
    notes
  }
}

export function loadSummary(backend: string, key: string, result: LoadResult): SummaryReport {
  const outcome =
    result.matchedKey === undefined ? 'miss' : result.hit ? 'hit' : `restore-key match "${result.matchedKey}"`
  const t = result.transfer
  const notes =
    t === undefined
      ? []
      : [
          `Sent ${formatBytes(t.sentBytes)} to the engine` +
            (t.omittedLayers > 0
              ? `; left out ${count(t.omittedLayers, 'layer')} (${formatBytes(t.omittedBytes)}) the engine already had or no selected image needs.`
              : '.')
        ]
  return {
    title: result.matchedKey === undefined ? 'nothing to load' : `loaded ${count(imagesIn(result.rows), 'image')}`,
    backend,
    key,
    outcome,
    rows: result.rows,
    phases: result.phases,
    notes
  }
}

export function failureSummary(step: string, backend: string, key: string, message: string): SummaryReport {
  return { title: `${step} failed`, backend, key, outcome: `failed: ${message}`, rows: [], phases: [], notes: [] }
}
