// Every temp folder a test run makes (mkdtemp under os.tmpdir(), in tests, support code and the engines they
// start) goes under one folder per run, which the teardown removes: nothing is left in /tmp, whichever test forgot.
// The name is short because paths below it have limits: podman refuses a runroot longer than 50 characters.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup() {
  if (process.env.IH_TEST_TMPDIR) return
  const root = mkdtempSync(join(tmpdir(), 'ih-t-'))
  process.env.IH_TEST_TMPDIR = root
  process.env.TMPDIR = root
}
