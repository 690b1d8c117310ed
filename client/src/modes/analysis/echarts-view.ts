/*
 * A small ECharts wrapper for the analysis views: registers only the chart types and components they use
 * (ECharts' modular build keeps the bundle small), follows its host's size, and forwards clicks. Generic on
 * purpose — any view passes a full option object and gets the clicked series and category back.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartClick { seriesName: string | undefined; name: string; value: unknown; dataIndex: number }

export interface ChartView {
  /** Replaces what the chart shows (notMerge: series from the last call do not linger). */
  set(option: ChartOption): void;
  onClick(handler: (e: ChartClick) => void): void;
  /** The instance, for tests and for views that need more than set(). */
  chart(): echarts.ECharts;
  /** The chart as a PNG at `scale` × its size, or null while it shows no series (for the view's export). */
  png(scale: number): Promise<Blob> | null;
  /** The chart drawn again by ECharts' SVG renderer at the same size, or null while it shows no series. */
  svg(): string | null;
  dispose(): void;
}

export function mountChart(host: HTMLElement): ChartView {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  // The panel splits and the window resize the host; ECharts does not watch it by itself.
  const observer = new ResizeObserver(() => chart.resize());
  const hasSeries = () => ((chart.getOption()?.series as unknown[] | undefined) ?? []).length > 0;
  observer.observe(host);
  return {
    set: (option) => chart.setOption(option, { notMerge: true }),
    onClick: (handler) => {
      chart.on('click', (p) => handler({ seriesName: p.seriesName, name: p.name, value: p.value, dataIndex: p.dataIndex }));
    },
    chart: () => chart,
    png: (scale) => {
      if (!hasSeries()) return null;
      // Decoded here rather than fetched: the page's Content-Security-Policy does not let fetch read data: URLs.
      const url = chart.getDataURL({ type: 'png', pixelRatio: scale, backgroundColor: '#ffffff' });
      const bin = atob(url.slice(url.indexOf(',') + 1));
      return Promise.resolve(new Blob([Uint8Array.from(bin, (c) => c.charCodeAt(0))], { type: 'image/png' }));
    },
    svg: () => {
      if (!hasSeries()) return null;
      const ssr = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
      try {
        ssr.setOption({ ...chart.getOption(), animation: false });
        return ssr.renderToSVGString();
      } finally {
        ssr.dispose();
      }
    },
    dispose: () => {
      observer.disconnect();
      chart.dispose();
    },
  };
}
