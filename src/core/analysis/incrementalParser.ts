import ts from '../typescriptCompiler';
import { settleTree } from './laggingNodes';
import { createTree } from './parse';
import { changeRange } from './changeRange';
import { StatementSplicer } from './statementSplice';
import { keepUnchangedNodes, unchangedCandidates } from './unchangedNodes';

/** Parses a file's text into a tree; see IncrementalParser. */
export interface SourceParser {
  parse(fileName: string, text: string): ts.SourceFile;
  /** The tree the next `parse` of the file starts from, if it keeps one (see AnalysisMemory). */
  current?(fileName: string): ts.SourceFile | undefined;
  /** The change between the file's last two trees, if its last `parse` updated one into the other. */
  lastEdit?(fileName: string): ParsedEdit | undefined;
}

export interface ParsedEdit {
  readonly before: ts.SourceFile;
  readonly after: ts.SourceFile;
  readonly change: ts.TextChangeRange;
}

/** Trees kept: the files being edited and the modules they import. A 20,000-line tree is tens of MB. */
const DEFAULT_CAPACITY = 16;

/**
 * Re-parses an edited file from its previous tree with TypeScript's incremental parser (the one the language service
 * uses on every keystroke): only the edited part is parsed again; the rest of the tree is reused. An unchanged text
 * gets its previous tree back, so re-analysing a file because a module it imports changed does not parse it again.
 * Keeps the most recently parsed trees. A tree it handed out is only valid until the next `parse` of the same file,
 * which updates it in place: callers must not keep trees (findings are offsets, not nodes). The nodes under a spliced
 * tree's statements may lag behind the edits until settled (see laggingNodes).
 */
export class IncrementalParser implements SourceParser {
  private readonly trees = new Map<string, ts.SourceFile>();
  /** Kept so that what analyses the tree next need not compare the two texts again (AnalysisMemory). */
  private readonly edits = new Map<string, ParsedEdit>();
  private readonly splicer = new StatementSplicer();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  parse(fileName: string, text: string): ts.SourceFile {
    const previous = this.trees.get(fileName);
    this.trees.delete(fileName);
    this.edits.delete(fileName);
    const tree = previous ? this.update(fileName, previous, text) : freshTree(fileName, text);
    this.trees.set(fileName, tree);
    if (this.trees.size > this.capacity) {
      const oldest = this.trees.keys().next().value as string;
      this.trees.delete(oldest);
      this.edits.delete(oldest);
    }
    return tree;
  }

  current(fileName: string): ts.SourceFile | undefined {
    return this.trees.get(fileName);
  }

  lastEdit(fileName: string): ParsedEdit | undefined {
    return this.edits.get(fileName);
  }

  private update(fileName: string, previous: ts.SourceFile, text: string): ts.SourceFile {
    if (previous.text === text) return previous;
    try {
      const change = changeRange(previous.text, text);
      const spliced = this.splicer.splice(previous, text, change);
      if (spliced) {
        this.edits.set(fileName, { before: previous, after: spliced, change });
        return spliced;
      }
      // TypeScript's update reads and moves every node.
      settleTree(previous);
      const candidates = unchangedCandidates(previous, change);
      const tree = ts.updateSourceFile(previous, text, change);
      keepUnchangedNodes(candidates, tree);
      this.edits.set(fileName, { before: previous, after: tree, change });
      return tree;
    } catch {
      // The incremental parser asserts its invariants; a fresh parse is always correct.
      return freshTree(previous.fileName, text);
    }
  }
}

function freshTree(fileName: string, text: string): ts.SourceFile {
  // Parent links: the incremental parser sets them on every tree it returns; a fresh tree is made alike.
  return createTree(fileName, text, /* setParentNodes */ true);
}
