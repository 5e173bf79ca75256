import * as assert from 'node:assert/strict';
import { AMBIENT_CLIENTS } from '../../../src/core/catalog/ambientClients';
import { CALLBACK_WRAPPERS } from '../../../src/core/catalog/callbackWrappers';
import { SINKS } from '../../../src/core/catalog/sinks';
import type { ExportedSymbol, ModuleSummary } from '../../../src/core/project/moduleSummary';
import { textReachesNoSink } from '../../../src/core/project/sinkFreeText';

const noProjectModules = () => undefined;

/** A project module `./helpers` exporting `symbols`; every other specifier is a package. */
function withHelpers(symbols: Record<string, ExportedSymbol>, pending = false) {
  const asked: { specifier: string; names: readonly string[] | undefined }[] = [];
  const lookUp = (specifier: string, names: readonly string[] | undefined): ModuleSummary | undefined => {
    asked.push({ specifier, names });
    if (specifier !== './helpers') return undefined;
    return { file: '/p/helpers.ts', exports: symbols, reexports: [], ...(pending && { pending: true as const }) };
  };
  return { lookUp, asked };
}

const plainFunction = (): ExportedSymbol => ({ kind: 'function', name: 'f', sinks: [], returns: {} });
const LOGGING_FUNCTION: ExportedSymbol = {
  kind: 'function', name: 'logIt', returns: {},
  sinks: [{ param: 0, sink: { id: 'console', category: 'log', vendor: 'Console', package: '<global>', api: 'console.log' } as never, steps: [], carrier: { start: 0, end: 1 }, site: { start: 0, end: 1 } }],
};

describe('textReachesNoSink', () => {
  it('is true for code that names no sink and imports nothing that reaches one', () => {
    const text = "import React from 'react';\nimport { useState } from 'react';\nexport function Card({ patient }: { patient: { ssn: string } }) {\n  const [open, setOpen] = useState(false);\n  return <div title={patient.ssn}>{String(open)}</div>;\n}\n";
    // `open` here is a local; the text alone cannot tell, so only a text without it is sink-free.
    assert.equal(textReachesNoSink('example.ts', text, noProjectModules), false);
    assert.equal(textReachesNoSink('example.ts', text.replaceAll('open', 'shown').replace('setOpen', 'setShown'), noProjectModules), true);
  });

  it('is false for every match example of the sink, ambient client and callback wrapper catalogs', () => {
    const examples = [...SINKS, ...AMBIENT_CLIENTS, ...CALLBACK_WRAPPERS].flatMap((entry) => entry.examples.match);
    const sinkFree = examples.filter((code) => textReachesNoSink('example.ts', code, noProjectModules));
    assert.deepEqual(sinkFree, []);
  });

  for (const code of [
    'console.log(patient.ssn);',
    'await fetch(`/p?ssn=${ssn}`);',
    'localStorage.setItem("p", ssn);',
    'const w = window;\nw.localStorage.setItem("p", ssn);',
    'globalThis.fetch(url);',
    'location.href = `/p?ssn=${ssn}`;',
    'if (x) location = url;',
    'document.cookie = ssn;',
    'open(`/p?ssn=${ssn}`);',
    'const go = open;\ngo(url);',
    'const o = { go: open };',
    'history.pushState({}, "", url);',
    'new URL(base).searchParams.set("ssn", ssn);',
    'const ws = new WebSocket(url);',
    'const db = require("./db");',
    'function save(db: PouchDB.Database) { return db.put(p); }',
    '// phi-guard-allow no-phi-in-logs -- reviewed\nsave(p);',
    'function go(url: string) { return history.pushState({}, "", url); }',
    'if (typeof open === "function") void open(url);',
    'ready() || open(url);',
    'window.location.href = url;',
    'self.localStorage.setItem("p", ssn);',
    'window["localStorage"].setItem("p", ssn);',
    'export default window;',
  ]) {
    it(`is false for a mention of a global a sink starts from: ${code.split('\n').pop()}`, () => {
      assert.equal(textReachesNoSink('example.ts', code, noProjectModules), false);
    });
  }

  for (const code of [
    'const a = dialog.open();\nconst b = { open: true };\nconst c = "open";',
    'const path = props.location.pathname;',
    'interface Props {\n  open?: boolean;\n  location: string;\n}',
    'function f(open: boolean) { return 1; }',
    'const apiUrl = import.meta.env.VITE_API_URL;',
    'const href = URL.createObjectURL(blob);',
    'const { pathname } = location.pathname ? { pathname: 1 } : { pathname: 2 };',
    '// No history recorded for this claim yet.\nconst label = "Load the claim history";',
    "const kind = 'claim-history';",
    "import { HistoryTab } from './medical-history-tab';\nexport const Tab = HistoryTab;",
    'const dialog = <Dialog open={shown} onClose={close}>No history recorded</Dialog>;',
    'const top = window.scrollY + window.location.origin.length + globalThis.window.innerHeight;',
  ]) {
    it(`is true for a mention that is not of the global: ${code.split('\n').pop()}`, () => {
      assert.equal(textReachesNoSink('example.ts', code, noProjectModules), true);
    });
  }

  it('counts a global whose name an import binds as that import', () => {
    assert.equal(textReachesNoSink('example.ts', "import { open } from './dialogs';\nopen(url);", noProjectModules), true);
  });

  it('reads which package API an import binds: a sink\'s path must start there', () => {
    assert.equal(textReachesNoSink('example.ts', "import OpenAI from 'openai';\nconst ai = new OpenAI();", noProjectModules), false);
    assert.equal(textReachesNoSink('example.ts', "import * as Sentry from '@sentry/node';", noProjectModules), false);
    assert.equal(textReachesNoSink('example.ts', "import { useNavigate } from 'react-router-dom';", noProjectModules), false);
    assert.equal(textReachesNoSink('example.ts', "import { Link, useParams } from 'react-router-dom';", noProjectModules), true);
    assert.equal(textReachesNoSink('example.ts', "import { createHash } from 'node:crypto';", noProjectModules), true);
    assert.equal(textReachesNoSink('example.ts', "const m = await import('openai');", noProjectModules), false);
    assert.equal(textReachesNoSink('example.ts', "const m = await import('./chart');\nimport './styles.css';", noProjectModules), true);
  });

  it('takes an import it does not understand for one that may reach a sink', () => {
    assert.equal(textReachesNoSink('example.ts', "import { a, /* b, */ c } from './helpers';", noProjectModules), false);
    assert.equal(textReachesNoSink('example.ts', "import db = require('./db');", noProjectModules), false);
    assert.equal(textReachesNoSink('example.ts', '// we import nothing here\nexport const x = 1;', noProjectModules), false);
  });

  it('asks for the summary of each project import, with the names it binds, and reads their exports', () => {
    const { lookUp, asked } = withHelpers({ format: plainFunction(), logIt: LOGGING_FUNCTION, Visit: { kind: 'type', name: 'Visit', categories: ['name'], fields: {} } });
    assert.equal(textReachesNoSink('example.ts', "import { format, type Visit } from './helpers';\nimport def, * as all from 'date-fns';", lookUp), true);
    assert.deepEqual(asked, [{ specifier: './helpers', names: ['format', 'Visit'] }, { specifier: 'date-fns', names: undefined }]);
    assert.equal(textReachesNoSink('example.ts', "import { logIt as log } from './helpers';", lookUp), false);
    assert.equal(textReachesNoSink('example.ts', "import * as helpers from './helpers';", lookUp), false);
  });

  it('follows what an imported function returns, and what an imported value or class holds', () => {
    const client = { module: 'openai', path: ['default', 'new()'] };
    const cases: [ExportedSymbol, boolean][] = [
      [{ kind: 'function', name: 'f', sinks: [], returns: { api: client } }, false],
      [{ kind: 'function', name: 'f', sinks: [], returns: { api: { module: '<global>', path: ['Object', 'freeze', '()'] } } }, true],
      [{ kind: 'function', name: 'f', sinks: [], returns: { fn: LOGGING_FUNCTION as never } }, false],
      [{ kind: 'function', name: 'f', sinks: [], returns: { fieldFns: { track: LOGGING_FUNCTION as never } } }, false],
      [{ kind: 'value', api: client }, false],
      [{ kind: 'value', api: { module: '<global>', path: [] } }, false],
      [{ kind: 'value', members: { log: LOGGING_FUNCTION as never } }, false],
      [{ kind: 'class', name: 'C', methods: { save: LOGGING_FUNCTION as never }, fields: {} }, false],
      [{ kind: 'class', name: 'C', methods: {}, fields: { ai: { api: client } } }, false],
      [{ kind: 'class', name: 'C', methods: { get: plainFunction() as never }, fields: {}, constructorFields: { db: 0 } }, true],
    ];
    for (const [symbol, sinkFree] of cases) {
      assert.equal(textReachesNoSink('example.ts', "import { it } from './helpers';", withHelpers({ it: symbol }).lookUp), sinkFree, JSON.stringify(symbol));
    }
  });

  it('in a JSX file, does not look up an import only rendered as a tag, as the analysis does not', () => {
    const text = "import { Card } from './helpers';\nexport const Page = () => <main><Card title=\"x\" /></main>;\n";
    const { lookUp, asked } = withHelpers({ Card: LOGGING_FUNCTION });
    assert.equal(textReachesNoSink('page.tsx', text, lookUp), true);
    assert.deepEqual(asked, []);
    assert.equal(textReachesNoSink('page.tsx', text.replace('<main>', '<main>{Card({ title: "x" })}'), lookUp), false);
    assert.equal(textReachesNoSink('page.ts', "import { Card } from './helpers';\nconst c = <Card>value;\n", lookUp), false);
  });

  it('is false while a project import has no summary yet (an import cycle)', () => {
    assert.equal(textReachesNoSink('example.ts', "import { format } from './helpers';", withHelpers({}, true).lookUp), false);
  });
});
