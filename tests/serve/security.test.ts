/** The preview server's gatekeeping rules, one by one. */
import { describe, expect, it } from 'vitest';
import { hostAllowed, originAllowed, safePathname } from '../../src/serve/security.js';
import { injectLiveReload } from '../../src/serve/server.js';

describe('safePathname', () => {
  it('decodes ordinary paths', () => {
    expect(safePathname('/')).toBe('/');
    expect(safePathname('/index.html?x=1#y')).toBe('/index.html');
    expect(safePathname('/assets/fonts/amiri%2Dx.woff2')).toBe('/assets/fonts/amiri-x.woff2');
    expect(safePathname('/assets/')).toBe('/assets/');
  });

  it('refuses traversal, encoded or not, dotfiles, NUL, backslashes and double encoding', () => {
    for (const p of [
      '/../',
      '/..',
      '/assets/../index.html',
      '/%2e%2e/',
      '/%2E%2E%2F',
      '/..%2f',
      '/assets%2f..%2f..%2fetc%2fpasswd',
      '/./index.html',
      '/.mujaz',
      '/assets/.hidden',
      '/%2emujaz',
      '/%00',
      '/a%5c..%5cb',
      '/a\\b',
      '/%252e%252e/',
      '/%zz',
      '//evil.example/x',
      '/a//b',
      'http://evil.example/',
      '*',
      '',
      undefined,
    ]) {
      expect(safePathname(p), String(p)).toBeNull();
    }
  });
});

describe('hostAllowed / originAllowed', () => {
  it('answers only this machine, on this port', () => {
    expect(hostAllowed('127.0.0.1:4321', 4321)).toBe(true);
    expect(hostAllowed('localhost:4321', 4321)).toBe(true);
    expect(hostAllowed('LOCALHOST:4321', 4321)).toBe(true);
    for (const h of [
      'evil.example',
      'evil.example:4321',
      '127.0.0.1',
      '127.0.0.1:80',
      '127.0.0.1:43210',
      'localhost.evil.example:4321',
      '[::1]:4321',
      '',
      undefined,
    ]) {
      expect(hostAllowed(h, 4321), String(h)).toBe(false);
    }
    expect(hostAllowed('localhost', 80)).toBe(true);
  });

  it('accepts WebSockets only from its own origin', () => {
    expect(originAllowed('http://127.0.0.1:4321', 4321)).toBe(true);
    expect(originAllowed('http://localhost:4321', 4321)).toBe(true);
    for (const o of ['http://evil.example', 'https://127.0.0.1:4321', 'http://127.0.0.1:4322', 'null', 'file://', '', undefined]) {
      expect(originAllowed(o, 4321), String(o)).toBe(false);
    }
  });
});

describe('injectLiveReload', () => {
  it('adds one same-origin script before </body>, leaving the rest alone', () => {
    const html = '<html><head></head><body><p>x</p></body></html>';
    const out = injectLiveReload(html, 7);
    expect(out).toBe('<html><head></head><body><p>x</p><script src="/__mujaz/live-reload.js" data-version="7"></script>\n</body></html>');
  });
});
