// Types for the options of charts.js's own Chart.js plugin, so the typecheck
// (tsconfig.json) knows `plugins.rankAnnotations`.
import 'chart.js';

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    rankAnnotations?: {
      points?: { index: number; text: string | number; color: string; below: boolean }[];
      average?: number | null;
    };
  }
}
