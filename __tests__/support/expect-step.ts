import { expect } from '@jest/globals'
import { annotations, type StepResult } from './action.js'

/** Asserts a step succeeded, showing its ::error:: lines and stderr tail when it did not. */
export function expectOk(result: StepResult): void {
  const seen = { exitCode: result.exitCode, errors: annotations(result, 'error'), stderr: result.stderr.slice(-1500) }
  expect(seen).toEqual({ exitCode: 0, errors: [], stderr: expect.any(String) })
}
