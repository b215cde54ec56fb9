import { coreIO } from './handoff/core-io.js'
import { runMain } from './handoff/run.js'

await runMain(coreIO)
