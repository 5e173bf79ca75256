import * as vscode from 'vscode';

/** Shows the active file's PHI finding count, and a spinner while it is being analysed. */
export class PhiStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phiGuard.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'PHI Guard';
    this.item.command = 'workbench.actions.view.problems';
  }

  showBusy(): void {
    this.item.text = '$(sync~spin) PHI Guard';
    this.item.tooltip = 'PHI Guard is analysing this file';
    this.item.show();
  }

  showCount(count: number): void {
    this.item.text = count === 0 ? '$(shield) PHI: 0' : `$(warning) PHI: ${count}`;
    this.item.tooltip = count === 0 ? 'PHI Guard: no PHI leaks in this file' : `PHI Guard: ${count} possible PHI leak${count === 1 ? '' : 's'} in this file. Click for the Problems view.`;
    this.item.show();
  }

  showSkipped(reason: string): void {
    this.item.text = '$(circle-slash) PHI Guard';
    this.item.tooltip = reason;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
