import { describe, expect, it } from '@jest/globals'
import { archiveSize, classifySaveFailure, restoreFailure } from '../../src/backends/cache-outcome.js'
import { parseLines, withLibraryOutput } from '../../src/backends/library-output.js'

// Lines as @actions/cache 6.3 writes them (workflow commands with %-escaped newlines).
const reservationConflict = parseLines(
  [
    '::warning::Cache reservation failed: cache entry with the same key, version, and scope already exists',
    '::debug::Failed to reserve cache: Error: cache entry with the same key, version, and scope already exists',
    'Failed to save: Unable to reserve cache with key k, another job may be creating this cache.'
  ].join('\n')
)
const quota = parseLines(
  [
    '::debug::Failed to reserve cache: Error: Failed to CreateCacheEntry: Cache storage quota has been hit. Unable to upload any new cache entries.%0AMore info on storage limits: https://docs.github.com/...',
    'Failed to save: Unable to reserve cache with key k, another job may be creating this cache.'
  ].join('\n')
)

describe('classifySaveFailure', () => {
  it('reads a lost reservation as a conflict, keeping the service message', () => {
    expect(classifySaveFailure(reservationConflict)).toEqual({
      kind: 'conflict',
      reason: 'cache entry with the same key, version, and scope already exists'
    })
  })

  it('reads a quota error even though the library reports it as a reservation failure', () => {
    expect(classifySaveFailure(quota)).toEqual({
      kind: 'quota',
      reason: 'Cache storage quota has been hit. Unable to upload any new cache entries.'
    })
  })

  it('tells a disabled cache, a denied write and other failures apart', () => {
    expect(
      classifySaveFailure(parseLines("Cache save skipped: the effective cache-mode 'read' does not permit writes."))
        .kind
    ).toBe('disabled')
    expect(classifySaveFailure(parseLines('::warning::Failed to save: cache write denied: untrusted event')).kind).toBe(
      'failed'
    )
    expect(classifySaveFailure(parseLines('::error::Failed to save: Failed request: (500)%0Adetails'))).toEqual({
      kind: 'failed',
      reason: 'Failed to save: Failed request: (500)'
    })
    expect(classifySaveFailure([]).reason).toMatch(/no reason/)
  })
})

describe('restoreFailure and archiveSize', () => {
  it('joins distinct warnings and errors', () => {
    const lines = parseLines(
      '::warning::Failed to restore: aborted\n::warning::Failed to restore: aborted\n::error::other\nplain info'
    )
    expect(restoreFailure(lines)).toBe('Failed to restore: aborted; other')
  })

  it('finds the archive size saveCache logged', () => {
    expect(archiveSize(parseLines('::debug::Cache Paths:\n::debug::File Size: 3147376\n'))).toBe(3147376)
    expect(archiveSize([])).toBeUndefined()
  })
})

describe('withLibraryOutput', () => {
  it('hands back what was written meanwhile, levelled, and still writes it', async () => {
    const { value, lines } = await withLibraryOutput(async () => {
      process.stdout.write('::warning file=a.ts,line=3::careful%0Anow\n')
      process.stdout.write('hello\n')
      return 42
    })
    expect(value).toBe(42)
    expect(lines).toEqual([
      { level: 'warning', text: 'careful\nnow' },
      { level: 'info', text: 'hello' }
    ])
  })
})
