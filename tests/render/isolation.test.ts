/** The render stage's check of its own output: Latin text shown outside <bdi> or an ltr element. */
import { describe, expect, it } from 'vitest';
import { unisolatedLatin } from '../../src/render/isolation.js';

describe('unisolatedLatin', () => {
  it.each([
    ['Arabic only', '<section><p>ضبط التسلح</p></section>', []],
    ['a bare acronym in Arabic', '<p>الذكاء الاصطناعي AI</p>', ['الذكاء الاصطناعي AI']],
    ['an acronym in <bdi>', '<p>الذكاء الاصطناعي <bdi>AI</bdi></p>', []],
    ['several <bdi> with attributes', '<p>الذكاء <bdi dir="ltr">AI</bdi> و<bdi class="x">ML</bdi></p>', []],
    ['an element with dir="ltr"', '<p><span dir="ltr" lang="en">Cyber capabilities</span> القدرات</p>', []],
    ['the head', '<html><head><title>Deck</title><style>body { color: red }</style></head><body><p>نص</p></body></html>', []],
    ['scripts', '<p>نص</p><script>const deck = Reveal.initialize();</script>', []],
    ['speaker notes', '<section><aside class="notes">Notes in English</aside><p>نص</p></section>', []],
    ['attributes', '<img alt="logo" src="assets/logo.png"><p class="item" data-id="x">نص</p>', []],
    ['entities', '<p>نص&nbsp;عربي &amp; &#x200F; &rlm;</p>', []],
    ['a run broken by a tag', '<p>الذكاء<br>Hypersonic weapons</p>', ['Hypersonic weapons']],
    ['the same run twice', '<li>NPT</li><li>NPT</li><li>AI</li>', ['NPT', 'AI']],
  ])('%s', (_kind, html, expected) => {
    expect(unisolatedLatin(html)).toEqual(expected);
  });
});
