// The licence notice for dist/: every npm package with code in the bundle (from esbuild's metafile), with its
// package.json licence field and the licence texts it ships. Deterministic, so check-dist can compare it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const licenceFile = /^(licen[cs]e|copying|notice)(\.|-|$)/i

/** The package folder of a bundled input path: the part up to the last node_modules/<name> or node_modules/@scope/<name>. */
export function packageDir(input) {
  const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//)
  return match ? match[1] : undefined
}

export function thirdPartyLicenses(metafile) {
  const dirs = new Set()
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dir = packageDir(input)
      if (dir && bytesInOutput > 0) dirs.add(dir)
    }
  }
  const packages = new Map()
  for (const dir of dirs) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const id = `${pkg.name}@${pkg.version}`
    if (packages.has(id)) continue
    const declared = pkg.license ?? pkg.licenses
    const licence =
      [declared]
        .flat()
        .map((l) => (typeof l === 'string' ? l : l?.type))
        .filter(Boolean)
        .join(' OR ') || 'not declared'
    const texts = readdirSync(dir)
      .filter((name) => licenceFile.test(name))
      .sort()
      .map((name) => readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n').trim())
    packages.set(id, { id, licence, texts })
  }
  const sorted = [...packages.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
  const header = [
    'Third-party software bundled in dist/ by `npm run bundle` (generated from the esbuild metafile; do not edit).',
    '',
    ...sorted.map((p) => `${p.id}  ${p.licence}`)
  ]
  const bodies = sorted.map((p) =>
    [
      '-'.repeat(78),
      `${p.id}  (${p.licence})`,
      '',
      p.texts.length > 0
        ? p.texts.join('\n\n')
        : `The package ships no licence file; its package.json licence field: ${p.licence}.`
    ].join('\n')
  )
  return `${[...header, '', ...bodies].join('\n')}\n`
}
