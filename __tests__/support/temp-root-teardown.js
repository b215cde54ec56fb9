// Removes the run's temp folder made by temp-root-setup.js (IH_TEST_KEEP_TMP=1 keeps it for a look).
import { rmSync } from 'node:fs'

export default function teardown() {
  const root = process.env.IH_TEST_TMPDIR
  if (!root || process.env.IH_TEST_KEEP_TMP === '1') return
  try {
    rmSync(root, { recursive: true, force: true, maxRetries: 3 })
  } catch (error) {
    console.error(
      `could not remove the test run's temp folder ${root}: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
