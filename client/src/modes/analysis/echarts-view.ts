/*
 * A small ECharts wrapper for the analysis views: registers only the chart types and components they use
 * (ECharts' modular build keeps the bundle small), follows its host's size, and forwards clicks. Generic on
 * purpose — any view passes a full option object and gets the clicked series and category back.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartClick { seriesName: string | undefined; name: string; value: unknown; dataIndex: number }

export interface ChartView {
  /** Replaces what the chart shows (notMerge: series from the last call do not linger). */
  set(option: ChartOption): void;
  onClick(handler: (e: ChartClick) => void): void;
  /** The instance, for tests and for views that need more than set(). */
  chart(): echarts.ECharts;
  dispose(): void;
}

export function mountChart(host: HTMLElement): ChartView {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  // The panel splits and the window resize the host; ECharts does not watch it by itself.
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(host);
  return {
    set: (option) => chart.setOption(option, { notMerge: true }),
    onClick: (handler) => {
      chart.on('click', (p) => handler({ seriesName: p.seriesName, name: p.name, value: p.value, dataIndex: p.dataIndex }));
    },
    chart: () => chart,
    dispose: () => {
      observer.disconnect();
      chart.dispose();
    },
  };
}
