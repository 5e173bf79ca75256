import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMANDS } from '../../../../src/extension/commandIds';
import { DATA_FLOWS_VIEW } from '../../../../src/extension/dataFlow/dataFlowTreeIds';

const repo = path.join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const declared = new Set<string>(contributes.commands.map((command: { command: string }) => command.command));

describe('manifest: workspace data-flow map', () => {
  it('puts the Data Flows view into a PHI Guard activity-bar container with an icon that exists', () => {
    const [container] = contributes.viewsContainers.activitybar;
    assert.strictEqual(container.title, 'PHI Guard');
    assert.ok(fs.readFileSync(path.join(repo, container.icon), 'utf8').startsWith('<svg'));
    assert.deepStrictEqual(contributes.views[container.id].map((view: { id: string }) => view.id), [DATA_FLOWS_VIEW]);
  });

  it('has a welcome text for "not scanned yet" and for "nothing found", each with a command that exists', () => {
    const welcomes = contributes.viewsWelcome.filter((welcome: { view: string }) => welcome.view === DATA_FLOWS_VIEW);
    assert.ok(welcomes.some((welcome: { when: string }) => /scanState != 'done'/.test(welcome.when)));
    assert.ok(welcomes.some((welcome: { when: string }) => /scanState == 'done'/.test(welcome.when)));
    for (const welcome of welcomes) {
      for (const [, command] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(declared.has(command) || command.startsWith('workbench.'), command);
    }
  });

  it('offers groupings in the title menu and site actions in the context menu, all declared', () => {
    const title = contributes.menus['view/title'].map((item: { command: string }) => item.command);
    assert.ok([COMMANDS.groupBySink, COMMANDS.groupByFile, COMMANDS.groupByCategory, COMMANDS.openDataFlowMap, COMMANDS.exportInventory].every((command) => title.includes(command)));
    const context = contributes.menus['view/item/context'];
    assert.ok([COMMANDS.showFlowPath, COMMANDS.copyFlowLocation, COMMANDS.suppressFlow].every((command) => context.some((item: { command: string }) => item.command === command)));
    // Which site kinds (tree item context values) each suppress action is offered on.
    const offeredOn = (command: string) => {
      const when: string = context.find((item: { command: string }) => item.command === command).when;
      const regex = /viewItem =~ \/(.+)\/(?:\s|$)/.exec(when)?.[1];
      const exact = /viewItem == (\S+)/.exec(when)?.[1];
      return ['phiGuard.site.open', 'phiGuard.site.openViaHelper', 'phiGuard.site.suppressed', 'phiGuard.site.noPhi'].filter((value) => (regex ? new RegExp(regex).test(value) : value === exact));
    };
    assert.deepStrictEqual(offeredOn(COMMANDS.suppressFlow), ['phiGuard.site.open', 'phiGuard.site.openViaHelper']);
    assert.deepStrictEqual(offeredOn(COMMANDS.suppressFlowAtSink), ['phiGuard.site.openViaHelper']);
    assert.deepStrictEqual(offeredOn(COMMANDS.copyFlowLocation), ['phiGuard.site.open', 'phiGuard.site.openViaHelper', 'phiGuard.site.suppressed', 'phiGuard.site.noPhi']);
    for (const item of [...contributes.menus['view/title'], ...context, ...contributes.menus.commandPalette]) assert.ok(declared.has(item.command), item.command);
  });

  it('keeps activation lazy: views and commands activate the extension by themselves (VS Code 1.74+)', () => {
    assert.ok(manifest.activationEvents.every((event: string) => event.startsWith('onLanguage:')));
    assert.match(manifest.engines.vscode, /\^1\.(9\d|[1-9]\d\d)/);
  });
});
