/** Log lines and summary text from users and archives cannot become runner commands or markup. */
import { describe, expect, it } from '@jest/globals'
import { escapeHtml, logLine } from '../../src/handoff/safe-text.js'

describe('logLine', () => {
  it.each([
    ['key "a\n::error::x"', 'key "a%0A::error::x"'],
    ['::set-output name=hit::true', '%3A:set-output name=hit::true'],
    ['  ::add-mask::x', '  %3A:add-mask::x'],
    ['a\r\n##[error]x', 'a%0D%0A##%5Berror]x'],
    ['plain text: keeps 100% and ::inside', 'plain text: keeps 100% and ::inside']
  ])('%j → %j', (input, output) => {
    expect(logLine(input)).toBe(output)
    expect(logLine(input).split(/\r|\n/)).toHaveLength(1)
  })
})

describe('summary escaping', () => {
  it('keeps HTML as text in headings and cells', () => {
    expect(escapeHtml('<script>alert("x")</script> & \'y\'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;'
    )
  })
})
