import { runMain } from './handoff/run.js'

await runMain()
