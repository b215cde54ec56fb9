import { describe, expect, it } from '@jest/globals'
import { renderSummary } from '../../src/handoff/summary.js'
import { failureSummary, loadSummary, saveSummary } from '../../src/handoff/summaries.js'

const row = { name: 'app:ci', id: `sha256:${'a'.repeat(64)}`, size: 3 * 1024 * 1024 }

describe('job summary', () => {
  it('says what a save stored and reused, with per-phase times once', () => {
    const html = renderSummary(
      saveSummary('cache', 'images-1', {
        outcome: { saved: true, key: 'images-1', bytes: 10 },
        rows: [row, { ...row, name: 'app:latest' }],
        phases: [
          ['export', 3000],
          ['upload (after export)', 500]
        ],
        transfer: {
          archiveBytes: 300 * 1024 * 1024,
          storedBytes: 10 * 1024 * 1024,
          reusedBytes: 290 * 1024 * 1024,
          chunks: 6,
          reusedChunks: 5
        }
      })
    )
    expect(html).toContain('image-handoff: saved 1 image')
    expect(html).toContain('<strong>Backend:</strong> cache')
    expect(html).toContain('<strong>Outcome:</strong> stored')
    expect(html).toContain('<td>app:ci</td>')
    expect(html).toContain('stored 10.0 MiB in 1 new chunk; reused 290.0 MiB (5 chunks already stored)')
    expect(html).toContain('export 3.0 s · upload (after export) 500 ms (total 3.5 s)')
    expect(html.match(/3\.5 s/g)).toHaveLength(1)
  })

  it('tells a hit, a restore-key match, a miss and what the load left out', () => {
    const base = { rows: [row], phases: [] as [string, number][] }
    expect(loadSummary('local', 'k', { ...base, hit: true, matchedKey: 'k' }).outcome).toBe('hit')
    expect(loadSummary('local', 'k', { ...base, hit: false, matchedKey: 'k-old' }).outcome).toBe(
      'restore-key match "k-old"'
    )
    const miss = loadSummary('local', 'k', { hit: false, rows: [], phases: [] })
    expect([miss.title, miss.outcome]).toEqual(['nothing to load', 'miss'])
    const skipped = loadSummary('cache', 'k', {
      ...base,
      hit: true,
      matchedKey: 'k',
      transfer: { sentBytes: 1024, omittedBytes: 2048, omittedLayers: 2 }
    })
    expect(skipped.notes[0]).toBe(
      'Sent 1.0 KiB to the engine; left out 2 layers (2.0 KiB) the engine already had or no selected image needs.'
    )
  })

  it('escapes what came from a user or an archive, on failure too', () => {
    const html = renderSummary(failureSummary('load', 'local', 'k<script>|x', 'bad name "<img src=x>" **bold**'))
    expect(html).not.toMatch(/<script>|<img|\*\*/)
    expect(html).toContain('load failed')
    expect(html).toContain('k&lt;script&gt;&#124;x')
  })
})
