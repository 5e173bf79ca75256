import { ProjectAnalyzer } from '../../core/project/projectAnalyzer';
import type { AnalysisMemory } from '../../core/analysis/analysisMemory';
import type { PhiGuardConfig } from '../../core/config/config';
import type { ProjectHost } from '../../core/project/moduleResolver';
import type { SourceParser } from '../../core/analysis/incrementalParser';

/**
 * One cross-file ProjectAnalyzer per workspace folder, keyed by the policy too: cached summaries and results are
 * only valid for the policy they were made with, so a changed `.phi-guard.json` starts a fresh analyser.
 */
export class ProjectAnalyzers {
  private readonly byRoot = new Map<string, { readonly policy: string; readonly project: ProjectAnalyzer }>();

  constructor(private readonly host: ProjectHost, private readonly parser?: SourceParser, private readonly memory?: AnalysisMemory) {}

  for(root: string, config: PhiGuardConfig): ProjectAnalyzer {
    const policy = JSON.stringify(config);
    const known = this.byRoot.get(root);
    if (known?.policy === policy) return known.project;
    const project = new ProjectAnalyzer(this.host, root, () => config, undefined, this.parser, this.memory);
    this.byRoot.set(root, { policy, project });
    return project;
  }

  /** The folder's current analyser, if it analysed anything yet. */
  ofRoot(root: string): ProjectAnalyzer | undefined {
    return this.byRoot.get(root)?.project;
  }

  all(): ProjectAnalyzer[] {
    return [...this.byRoot.values()].map((entry) => entry.project);
  }
}
