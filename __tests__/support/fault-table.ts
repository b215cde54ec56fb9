/**
 * The fault table: fault tests record what they did and what actually came out, and with IH_FAULT_TABLE=1 each
 * suite writes its rows to docs/faults/<suite>.json when it ends (an ordinary test run leaves the work tree as it
 * was); scripts/faults.mjs renders them into docs/faults.md.
 */
import { afterAll } from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { errorMessage } from '../../src/errors.js'

export interface FaultRow {
  case: string
  done: string
  outcome: string
}

const root = process.env.IMAGE_HANDOFF_ROOT ?? process.cwd()
export const faultDir = join(root, 'docs', 'faults')

/** Collects this suite's rows and writes them once the suite ended (only when every row was recorded). */
export function faultTable(suite: string): (row: FaultRow) => void {
  const rows: FaultRow[] = []
  afterAll(async () => {
    if (rows.length === 0 || process.env.IH_FAULT_TABLE !== '1') return
    await mkdir(faultDir, { recursive: true })
    await writeFile(join(faultDir, `${suite}.json`), JSON.stringify({ suite, rows }, null, 1) + '\n')
  })
  // Private engines live under random temp directories: the table shows where, not which.
  const clean = (text: string): string =>
    text
      .replace(/\/tmp\/[^\s/"]+/g, '<tmp>')
      .replace(/\s+/g, ' ')
      .trim()
  return (row) => rows.push({ case: row.case, done: clean(row.done), outcome: clean(row.outcome) })
}

/** The outcome of an attempt as the table shows it: the error the user sees, or what succeeded. */
export async function outcomeOf(
  attempt: Promise<unknown>,
  success: (value: unknown) => string = () => 'accepted'
): Promise<string> {
  try {
    return success(await attempt)
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name
    return `${typeof name === 'string' ? name : 'Error'}: ${errorMessage(error)}`
  }
}
