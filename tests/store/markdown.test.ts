import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InlineMarkdown, Markdown } from '@/app/_components/markdown';

// Catalog text is typed by staff and read by every visitor: what would run script never renders.
const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));
const inline = (text: string) => renderToStaticMarkup(createElement(InlineMarkdown, { text }));

describe('catalog markdown in the store', () => {
  it('renders emphasis, lists and web links', () => {
    const out = html('Fast **NVMe** storage.\n\n- Daily backups\n- [Status page](https://status.example.com)');
    expect(out).toContain('<strong>NVMe</strong>');
    expect(out).toContain('<li>Daily backups</li>');
    expect(out).toContain('<a href="https://status.example.com" rel="nofollow noreferrer" class="text-accent underline underline-offset-2">Status page</a>');
  });

  it('never renders raw HTML: a script tag, an inline handler or an iframe', () => {
    const out = html('Hello <script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<iframe src="https://evil.example"></iframe>');
    expect(out).not.toMatch(/<script|<img|<iframe|onerror/i);
    expect(out).toContain('Hello');
  });

  it.each([
    ['a javascript: link', '[click me](javascript:alert(1))'],
    ['an upper-case JavaScript: link', '[click me](JavaScript:alert(1))'],
    ['a data: link', '[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a vbscript: link', '[click me](vbscript:msgbox(1))'],
  ])('drops the address of %s, keeping its words', (_what, text) => {
    for (const out of [html(text), inline(text)]) {
      expect(out).toContain('click me');
      expect(out).not.toMatch(/javascript:|data:|vbscript:/i);
      // Not even a dead link: the words alone.
      expect(out).not.toContain('<a');
    }
  });

  it('keeps a feature bullet to one line of inline text', () => {
    expect(inline('**24/7** support\n\n# Heading')).toBe('<strong>24/7</strong> support\nHeading');
  });
});
