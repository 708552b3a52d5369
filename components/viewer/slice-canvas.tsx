'use client';

import { useEffect, useMemo, useRef } from 'react';

import type { WindowLevel } from '@/lib/viewer/display';
import { greyOf, hotLut } from '@/lib/viewer/display';
import { outlineOfSlice } from '@/lib/viewer/outline';

const OUTLINE_COLOURS = ['#00e5ff', '#7CFC00', '#ff00ff', '#ffd400', '#ff7f50', '#9ab6ff'];
const DISPLAY_PX = 560;

export interface CanvasMask {
  id: string;
  bbox: number[];
  data: Uint8Array;
}

/**
 * Paints one slice at its true aspect ratio (pixel spacing may differ in x and y),
 * with segment outlines on top, and reports the voxel under the pointer.
 */
export function SliceCanvas(props: {
  pixels: ArrayLike<number>;
  size: [number, number];
  spacing: [number, number];
  k: number;
  scale: number;
  window: WindowLevel;
  colour: 'grey' | 'hot';
  masks: CanvasMask[];
  onHover: (at: { i: number; j: number; value: number } | null) => void;
  /** Called with the voxel clicked on, if the viewer listens for clicks. */
  onPick?: (at: { i: number; j: number }) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const lut = useMemo(() => hotLut(), []);
  const [nx, ny] = props.size;
  const widthMm = nx * props.spacing[0];
  const heightMm = ny * props.spacing[1];
  const cssScale = DISPLAY_PX / Math.max(widthMm, heightMm);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(nx, ny);
    paintPixels(
      image.data,
      props.pixels,
      props.scale,
      props.window,
      props.colour === 'hot' ? lut : null,
    );
    props.masks.forEach((m, index) => paintOutline(image.data, nx, m, props.k, index));
    ctx.putImageData(image, 0, 0);
  }, [props.pixels, props.scale, props.window, props.colour, props.masks, props.k, nx, ny, lut]);

  const voxelAt = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();

    return {
      i: Math.floor(((e.clientX - rect.left) / rect.width) * nx),
      j: Math.floor(((e.clientY - rect.top) / rect.height) * ny),
    };
  };
  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const { i, j } = voxelAt(e);
    const value = props.pixels[j * nx + i];
    props.onHover(value === undefined ? null : { i, j, value });
  };

  return (
    <canvas
      ref={ref}
      width={nx}
      height={ny}
      data-testid="slice-canvas"
      style={{
        width: widthMm * cssScale,
        height: heightMm * cssScale,
        imageRendering: 'pixelated',
        background: '#000',
      }}
      onMouseMove={onMove}
      onClick={props.onPick && ((e) => props.onPick?.(voxelAt(e)))}
      onMouseLeave={() => props.onHover(null)}
    />
  );
}

function paintPixels(
  out: Uint8ClampedArray,
  pixels: ArrayLike<number>,
  scale: number,
  wl: WindowLevel,
  lut: Uint8Array | null,
): void {
  for (let n = 0; n < pixels.length; n++) {
    const g = greyOf((pixels[n] as number) * scale, wl);
    const o = n * 4;
    out[o] = lut ? (lut[g * 3] as number) : g;
    out[o + 1] = lut ? (lut[g * 3 + 1] as number) : g;
    out[o + 2] = lut ? (lut[g * 3 + 2] as number) : g;
    out[o + 3] = 255;
  }
}

function paintOutline(
  out: Uint8ClampedArray,
  nx: number,
  mask: CanvasMask,
  k: number,
  index: number,
) {
  const hex = OUTLINE_COLOURS[index % OUTLINE_COLOURS.length] as string;
  const rgb = [1, 3, 5].map((p) => parseInt(hex.slice(p, p + 2), 16));
  for (const { i, j } of outlineOfSlice(mask.data, mask.bbox, k)) {
    const o = (j * nx + i) * 4;
    out[o] = rgb[0] as number;
    out[o + 1] = rgb[1] as number;
    out[o + 2] = rgb[2] as number;
  }
}
