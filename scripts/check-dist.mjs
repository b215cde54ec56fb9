// Fails when the committed dist/ (the bundle and its THIRD-PARTY-LICENSES.txt) differs from a fresh bundle of src/,
// so the action never runs stale code or ships a stale licence list.
import { execFileSync } from 'node:child_process'

execFileSync('npm', ['run', '-s', 'bundle'], { stdio: 'inherit' })
const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' })
if (status.trim() !== '') {
  console.error(`dist/ is stale: run \`npm run bundle\` and commit the result.\n${status}`)
  process.exit(1)
}
console.log('dist/ is current')
