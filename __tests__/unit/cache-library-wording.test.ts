/**
 * @actions/cache reports most failures only as log lines, and src/backends/cache-outcome.ts classifies them by
 * their wording. This pins that wording to the installed library: a version that words a line differently fails
 * here, at the upgrade (Dependabot's pull request), instead of misclassifying failures for users.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join('node_modules', '@actions', 'cache')
const sources = ['lib', 'lib/internal', 'lib/internal/shared']
  .flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(root, dir, f), 'utf8'))
  )
  .join('\n')

describe('the @actions/cache wording src/backends/cache-outcome.ts reads', () => {
  it.each([
    ['a key another job holds', 'another job may be creating this cache'],
    ['the reservation failure', 'Cache reservation failed: '],
    ['a full cache', 'Cache storage quota has been hit'],
    ['saving switched off', 'Cache save skipped'],
    ['a token that may not write', 'cache write denied:'],
    ['a failed lookup or download', 'Failed to restore: '],
    ['the stored size', 'File Size: ']
  ])('%s: "%s"', (_what, text) => {
    expect(sources).toContain(text)
  })

  it('is the version these were checked against', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
    // Reading another version's wording: check the sentences above against its sources, then update this line.
    expect(version).toBe('6.3.0')
  })
})
