import { describe, expect, it } from '@jest/globals'
import { envName, parseArgs, UsageError } from '../../src/cli/args.js'
import { cliLog } from '../../src/cli/main.js'
import { entriesToPrune } from '../../src/cli/prune.js'
import { newestFirst } from '../../src/store/blob-store.js'

describe('CLI arguments', () => {
  it('turns flags into the inputs the action reads, lists one value a line, the mode from the command', () => {
    const parsed = parseArgs([
      'save',
      '--key',
      'k',
      '--images',
      'app:*',
      '--images=!app:old',
      '--path',
      '/store',
      '--overwrite',
      '--json'
    ])
    expect(parsed).not.toBe('help')
    if (parsed === 'help') return
    expect(parsed.command).toBe('save')
    expect(parsed.json).toBe(true)
    expect(parsed.inputs).toMatchObject({
      mode: 'save',
      key: 'k',
      images: 'app:*\n!app:old',
      path: '/store',
      backend: 'local',
      overwrite: 'true',
      registry: ''
    })
  })

  it('takes an input from IMAGE_HANDOFF_<NAME> when no flag gives it, and chooses the registry when named', () => {
    expect(envName('registry-password')).toBe('IMAGE_HANDOFF_REGISTRY_PASSWORD')
    const parsed = parseArgs(['ls', '--registry', 'ghcr.io/o/h'], {
      IMAGE_HANDOFF_REGISTRY_PASSWORD: 'p',
      IMAGE_HANDOFF_REGISTRY_USERNAME: 'u'
    })
    if (parsed === 'help') throw new Error('help')
    expect(parsed.inputs).toMatchObject({
      mode: 'load',
      backend: 'registry',
      'registry-username': 'u',
      'registry-password': 'p'
    })
  })

  it.each([
    [['push'], /unknown command "push"/],
    [['save', '--mode', 'load'], /unknown flag --mode/],
    [['save', '--key'], /--key needs a value/],
    [['save', '--key', 'a', '--key', 'b'], /given twice/],
    [['save', 'stray'], /unexpected argument/],
    [['load', '--key', 'k'], /--registry .* or --path/]
  ])('refuses %j', (argv, why) => {
    expect(() => parseArgs(argv)).toThrow(UsageError)
    expect(() => parseArgs(argv)).toThrow(why)
  })

  it("takes prune's own --prefix and --keep, and refuses prune without them", () => {
    const parsed = parseArgs(['prune', '--path', '/d', '--prefix', 'app-', '--keep=3'])
    expect(parsed).toMatchObject({ command: 'prune', prune: { prefix: 'app-', keep: 3 } })
    expect(() => parseArgs(['prune', '--path', '/d', '--keep', '3'])).toThrow(/prune needs --prefix/)
    expect(() => parseArgs(['prune', '--path', '/d', '--prefix', 'a', '--keep', 'x'])).toThrow(/--keep N/)
    expect(() => parseArgs(['save', '--path', '/d', '--keep', '3'])).toThrow(/unknown flag --keep/)
  })

  it('prunes the entries under a prefix beyond the newest N, newest first', () => {
    const entries = [
      { key: 'app-a', created: 1 },
      { key: 'app-c', created: 3 },
      { key: 'lib-x', created: 9 },
      { key: 'app-b', created: 2 }
    ].sort(newestFirst)
    expect(entriesToPrune(entries, 'app-', 1).map((e) => e.key)).toEqual(['app-b', 'app-a'])
    expect(entriesToPrune(entries, 'app-', 5)).toEqual([])
    expect(entriesToPrune(entries, 'app-', 0).map((e) => e.key)).toEqual(['app-c', 'app-b', 'app-a'])
  })

  it('answers help', () => {
    expect(parseArgs([])).toBe('help')
    expect(parseArgs(['load', '--help'])).toBe('help')
  })
})

describe('CLI log', () => {
  it('redraws progress in place on a terminal, writes plain lines otherwise, and shows control characters', () => {
    const written: string[] = []
    const tty = cliLog({ write: (t: string) => written.push(t), isTTY: true }, false)
    tty.info('export: 1.0 MiB, 5 MB/s')
    tty.info('Saved app:ci\u001b[2J')
    expect(written).toEqual(['\r\u001b[Kexport: 1.0 MiB, 5 MB/s', '\r\u001b[KSaved app:ci\\x1b[2J\n'])
    const plain: string[] = []
    const log = cliLog({ write: (t: string) => plain.push(t) }, false)
    log.info('export: 1.0 MiB, 5 MB/s')
    log.warning('careful')
    log.debug('hidden')
    expect(plain).toEqual(['export: 1.0 MiB, 5 MB/s\n', 'warning: careful\n'])
  })
})
