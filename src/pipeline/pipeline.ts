import { createHash } from 'node:crypto';
import { diagnostic } from '../core/diagnostics.js';
import type { SitrepDocument } from '../core/document.js';
import type { LayerName } from '../core/layers/index.js';
import type { Services } from '../core/services.js';
import type { Stage } from './stage.js';

export class PipelineError extends Error {}

export interface StageTiming {
  ms: number;
  chars: number;
  runs: number;
}

/** A checked, frozen sequence of stages with the services they use. */
export class Pipeline {
  readonly version: string;
  readonly timings = new Map<string, StageTiming>();

  private constructor(readonly stages: readonly Stage[], private readonly services: Services, softwareVersion: string) {
    const signature = stages.map((s) => `${s.name}@${s.version}`).join(',');
    this.version = `${softwareVersion}+${createHash('sha256').update(signature).digest('hex').slice(0, 8)}`;
    Object.freeze(this.stages);
  }

  /**
   * Check that every stage's requirements are provided by an earlier stage (or were
   * given up front) and that no two stages provide the same layer.
   */
  static build(stages: readonly Stage[], services: Services, options: { softwareVersion: string; given?: LayerName[] } = { softwareVersion: '0' }): Pipeline {
    const available = new Set<LayerName>(options.given ?? []);
    const providers = new Map<LayerName, string>();
    for (const stage of stages) {
      const missing = stage.requires.filter((l) => !available.has(l));
      if (missing.length) {
        throw new PipelineError(`stage "${stage.name}" requires ${missing.map((m) => `"${m}"`).join(', ')}, which no earlier stage provides`);
      }
      for (const layer of stage.provides) {
        const other = providers.get(layer);
        if (other) throw new PipelineError(`stages "${other}" and "${stage.name}" both provide "${layer}"`);
        providers.set(layer, stage.name);
        available.add(layer);
      }
    }
    return new Pipeline([...stages], services, options.softwareVersion);
  }

  /** The smallest pipeline of these stages that provides `targets` (for evaluation and tools). */
  subset(targets: LayerName[]): Pipeline {
    const needed = new Set<LayerName>(targets);
    const keep: Stage[] = [];
    for (const stage of [...this.stages].reverse()) {
      if (!stage.provides.some((l) => needed.has(l))) continue;
      keep.unshift(stage);
      for (const l of stage.requires) needed.add(l);
    }
    return new Pipeline(keep, this.services, this.version.split('+')[0]!);
  }

  get provides(): LayerName[] {
    return this.stages.flatMap((s) => [...s.provides]);
  }

  /**
   * Run every stage on the document. A stage that throws becomes an error diagnostic
   * on the article, and stages that needed its layers are skipped with a diagnostic;
   * the batch goes on.
   */
  run(doc: SitrepDocument): SitrepDocument {
    for (const stage of this.stages) {
      const missing = stage.requires.filter((l) => !doc.has(l));
      if (missing.length) {
        doc.addDiagnostics([diagnostic(stage.name, 'stage-skipped', 'warning', `skipped: missing ${missing.join(', ')} after an earlier failure`)]);
        continue;
      }
      const t0 = performance.now();
      try {
        const out = stage.run(doc, this.services);
        for (const layer of stage.provides) {
          const value = out.layers[layer];
          if (value === undefined) throw new Error(`stage did not provide "${layer}"`);
        }
        for (const layer of stage.provides) doc.set(layer, out.layers[layer] as never);
        if (out.meta) doc.completeMeta(out.meta);
        if (out.diagnostics?.length) doc.addDiagnostics(out.diagnostics);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        doc.addDiagnostics([diagnostic(stage.name, 'stage-failed', 'error', `stage failed: ${message}`)]);
      } finally {
        const t = this.timings.get(stage.name) ?? { ms: 0, chars: 0, runs: 0 };
        t.ms += performance.now() - t0;
        t.chars += doc.raw.length;
        t.runs += 1;
        this.timings.set(stage.name, t);
      }
    }
    return doc;
  }
}
