import * as assert from 'assert';
import { createNonce, dataFlowMapHtml, escapeHtml } from '../../../../src/extension/dataFlow/webviewHtml';
import { parseMapMessage } from '../../../../src/extension/dataFlow/mapFlows';

const page = { cspSource: 'https://webview.example', nonce: 'abc123', scriptUri: 'https://webview.example/media/dist/dataFlowMap.js', styleUri: 'https://webview.example/media/dist/dataFlowMap.css', title: 'Map <of> "PHI"' };

describe('Data-Flow Map page', () => {
  const html = dataFlowMapHtml(page);
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1]!;

  it('has a strict CSP: nothing by default, scripts only with the nonce, styles only from the webview origin', () => {
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /style-src https:\/\/webview\.example(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|http:|\*/);
  });

  it('loads one script, with the nonce, and no remote or inline code', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepStrictEqual(scripts, [`<script nonce="abc123" src="${page.scriptUri}">`]);
    assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/);
    const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.doesNotMatch(withoutCsp.replace(page.scriptUri, '').replace(page.styleUri, ''), /https?:\/\//);
  });

  it('escapes text it puts into the markup', () => {
    assert.ok(html.includes('<title>Map &lt;of&gt; &quot;PHI&quot;</title>'));
    assert.strictEqual(escapeHtml(`<img src=x onerror=alert(1)>.ts & 'q'`), `&lt;img src=x onerror=alert(1)&gt;.ts &amp; 'q'`);
  });

  it('makes a 32-character hex nonce from the random source', () => {
    const nonce = createNonce((size) => Uint8Array.from({ length: size }, (_, index) => index * 7));
    assert.match(nonce, /^[0-9a-f]{32}$/);
    assert.notStrictEqual(nonce, createNonce((size) => new Uint8Array(size)));
  });

  it('accepts only the messages the map sends', () => {
    assert.deepStrictEqual(parseMapMessage({ type: 'open', flowId: 'file:///a.ts#0' }), { type: 'open', flowId: 'file:///a.ts#0' });
    assert.deepStrictEqual(parseMapMessage({ type: 'ready' }), { type: 'ready' });
    assert.strictEqual(parseMapMessage({ type: 'open', flowId: 3 }), undefined);
    assert.strictEqual(parseMapMessage({ type: 'runCommand', command: 'x' }), undefined);
    assert.strictEqual(parseMapMessage('open'), undefined);
  });
});
