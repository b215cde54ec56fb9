import { runPost } from './handoff/run.js'

await runPost()
