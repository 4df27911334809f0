// The chart's canvas: weapp's Canvas 2D node (found by a selector query) or, on h5, a plain <canvas> (Taro 4.1's h5
// selector query answers fields({ node: true }) without a node); both are scaled for the screen's pixel ratio and
// drawn by chart.ts whenever the bars change.
import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import { drawStatsChart, type Ctx2D } from '../chart';
import type { ChartBar } from '../helpers';

const CANVAS_ID = 'stats-chart-canvas';

type Sized = { width: number; height: number; ratio: number; context: (w: number, h: number) => Ctx2D | null };

function draw(target: Sized, bars: ChartBar[]) {
  const ctx = target.context(Math.round(target.width * target.ratio), Math.round(target.height * target.ratio));
  if (!ctx) return;
  (ctx as unknown as CanvasRenderingContext2D).setTransform(target.ratio, 0, 0, target.ratio, 0, 0);
  drawStatsChart(ctx, target.width, target.height, bars);
}

function BrowserChart({ bars }: { bars: ChartBar[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    draw(
      {
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        ratio: window.devicePixelRatio || 1,
        context: (w, h) => {
          canvas.width = w;
          canvas.height = h;
          return canvas.getContext('2d');
        },
      },
      bars,
    );
  }, [bars]);
  return <canvas ref={ref} className='stats-chart' />;
}

type CanvasNode = { width: number; height: number; getContext: (kind: '2d') => Ctx2D | null };

function WeappChart({ bars }: { bars: ChartBar[] }) {
  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${CANVAS_ID}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width: number; height: number }[] | null) => {
          const found = res?.[0];
          const node = found?.node;
          if (!found || !node) return;
          draw(
            {
              width: found.width,
              height: found.height,
              ratio: Taro.getSystemInfoSync().pixelRatio || 2,
              context: (w, h) => {
                node.width = w;
                node.height = h;
                return node.getContext('2d');
              },
            },
            bars,
          );
        });
    });
  }, [bars]);
  return <Canvas type='2d' id={CANVAS_ID} className='stats-chart' />;
}

export default function StatsChart({ bars }: { bars: ChartBar[] }) {
  return process.env.TARO_ENV === 'h5' ? <BrowserChart bars={bars} /> : <WeappChart bars={bars} />;
}
