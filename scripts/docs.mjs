// Writes the README's input and output tables from action.yml, between the <!-- inputs --> and <!-- outputs -->
// markers, so the two cannot drift. `--check` fails instead of writing when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ').trim()
const inputs = [
  '| input | default | description |',
  '|---|---|---|',
  ...Object.entries(action.inputs).map(([name, spec]) =>
    `| \`${name}\` | ${spec.required ? '**required**' : spec.default === '' ? '' : `\`${spec.default}\``} | ${cell(spec.description)} |`)
].join('\n')
const outputs = [
  '| output | description |',
  '|---|---|',
  ...Object.entries(action.outputs).map(([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`)
].join('\n')

const readme = readFileSync('README.md', 'utf8')
const replace = (text, marker, body) => {
  const pattern = new RegExp(`(<!-- ${marker} -->\\n)[\\s\\S]*?(<!-- /${marker} -->)`)
  if (!pattern.test(text)) throw new Error(`README.md lacks the <!-- ${marker} --> … <!-- /${marker} --> markers`)
  return text.replace(pattern, `$1${body}\n$2`)
}
const updated = replace(replace(readme, 'inputs', inputs), 'outputs', outputs)
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md inputs/outputs differ from action.yml: run `npm run docs` and commit.')
    process.exit(1)
  }
  console.log('README.md matches action.yml')
} else if (updated !== readme) {
  writeFileSync('README.md', updated)
  console.log('README.md updated from action.yml')
}
