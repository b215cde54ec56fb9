import { coreIO } from './handoff/core-io.js'
import { runPost } from './handoff/run.js'

await runPost(coreIO)
