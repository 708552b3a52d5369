/** What an RT Structure Set holds for Hallmark: named regions drawn as planar contours. */
import type { Vec3 } from '../image';

export interface RtContour {
  /** Vertices in patient coordinates (LPS, mm), in drawing order; the polygon closes. */
  pointsMm: Vec3[];
}

export interface RtRoi {
  /** ROI Number (3006,0022), the key ROI Contour items refer to. */
  number: number;
  /** ROI Name (3006,0026). */
  name: string;
  /** Referenced Frame of Reference UID (3006,0024): the image space the contours live in. */
  frameOfReferenceUid?: string;
  /** CLOSED_PLANAR contours only; points, lines and open contours enclose no volume. */
  contours: RtContour[];
}

export interface RtStructureSet {
  source: string;
  structureSetLabel?: string;
  rois: RtRoi[];
}
