// Writes generated parts of the README so they cannot drift: the input and output tables from action.yml (between
// <!-- inputs --> and <!-- outputs --> markers) and every workflow under examples/ (between
// <!-- example: NAME.yml --> and <!-- /example --> markers; every example must appear once), and the fault table
// of docs/faults.md (between <!-- faults --> and <!-- /faults -->).
// `--check` fails instead of writing when the README is out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'yaml'

const action = parse(readFileSync('action.yml', 'utf8'))
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
    .trim()
const inputs = [
  '| input | default | description |',
  '|---|---|---|',
  ...Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.required ? '**required**' : spec.default === '' ? '' : `\`${spec.default}\``} | ${cell(spec.description)} |`
  )
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

const examples = readdirSync('examples')
  .filter((name) => name.endsWith('.yml'))
  .sort()
const included = []
const withExamples = (text) =>
  text.replace(/(<!-- example: (\S+) -->\n)[\s\S]*?(<!-- \/example -->)/g, (_, open, name, close) => {
    if (!examples.includes(name)) throw new Error(`README.md includes examples/${name}, which does not exist`)
    included.push(name)
    const body = readFileSync(`examples/${name}`, 'utf8').trimEnd()
    return `${open}\`\`\`yaml\n# examples/${name}\n${body}\n\`\`\`\n${close}`
  })

// The fault table the fault tests wrote (docs/faults.md, rendered by `npm run faults`), without its own heading comment.
const faults = readFileSync('docs/faults.md', 'utf8')
  .replace(/^<!--.*-->\n/, '')
  .trimEnd()
const updated = withExamples(replace(replace(replace(readme, 'inputs', inputs), 'outputs', outputs), 'faults', faults))
const missing = examples.filter((name) => !included.includes(name))
if (missing.length > 0) {
  console.error(
    `README.md does not include ${missing.map((n) => `examples/${n}`).join(', ')}: add <!-- example: NAME --> <!-- /example --> markers.`
  )
  process.exit(1)
}
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md differs from action.yml or examples/: run `npm run docs` and commit.')
    process.exit(1)
  }
  console.log('README.md matches action.yml and examples/')
} else if (updated !== readme) {
  writeFileSync('README.md', updated)
  console.log('README.md updated from action.yml and examples/')
}
