import { randomUUID } from 'crypto';
import type { Finding } from '../../core/findings/finding';
import type { HeldFindings } from './findingsUpdate';

/** Documents whose sent findings are kept (the ones being edited; a 20,000-line file's findings are about 1 MB). */
const DOCUMENTS = 16;
/**
 * Findings kept per document besides the ones the editor last named: the editor may drop the latest answers (the
 * document changed again meanwhile) and name older findings next.
 */
const RECENT = 2;

/**
 * The findings the worker sent for each document, so that the editor can name the ones it holds (`heldFindings`) and
 * get only what changed (FindingsUpdate). Ids carry this instance's own prefix: a restarted worker knows none of the old
 * ones, and never takes one of them for one of its own.
 */
export class SentFindings {
  private readonly prefix = randomUUID().slice(0, 8);
  private next = 1;
  private readonly byDocument = new Map<string, HeldFindings[]>();

  /** The findings sent for `file` with this id, if still kept. */
  find(file: string, id: string | undefined): HeldFindings | undefined {
    return id === undefined ? undefined : this.byDocument.get(file)?.find((held) => held.id === id);
  }

  /**
   * Keeps `findings` of `text` as sent for `file` and returns their id. `named` (the findings the editor named in this
   * request) stays kept with the most recent ones; older ones are forgotten.
   */
  add(file: string, text: string, findings: readonly Finding[], named: HeldFindings | undefined): string {
    const id = `${this.prefix}-${this.next++}`;
    const recent = (this.byDocument.get(file) ?? []).filter((held) => held !== named).slice(-RECENT);
    this.byDocument.delete(file);
    this.byDocument.set(file, [...(named ? [named] : []), ...recent, { id, text, findings }]);
    if (this.byDocument.size > DOCUMENTS) this.byDocument.delete(this.byDocument.keys().next().value as string);
    return id;
  }
}
