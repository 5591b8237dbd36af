import { useState } from 'react';
import type { ClusterGeometry } from '../../../../domain/cluster.ts';
import type { DrawingTool } from './BoundaryDrawing.tsx';

/**
 * A boundary being drawn on a map — for which record, the shape so far, the tool in hand — and the
 * notice left once it is saved. Shared by the planner's map (clusters) and the plot map.
 */
export function useBoundaryDrawing() {
  const [forId, setForId] = useState<string | null>(null);
  const [drawn, setDrawn] = useState<ClusterGeometry | null>(null);
  const [tool, setTool] = useState<DrawingTool>('edit');
  const [clearSignal, setClearSignal] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    forId,
    drawn,
    tool,
    clearSignal,
    notice,
    setDrawn,
    setTool,
    /** Starts on a record: from its shape, or from nothing (`fresh`) when it has no real one. */
    start: (id: string, fresh: boolean) => {
      setForId(id);
      setDrawn(null);
      setTool(fresh ? 'draw' : 'edit');
      setClearSignal(0);
      setNotice(null);
    },
    /** Wipes the shape to draw afresh. */
    restart: () => {
      setTool('draw');
      setClearSignal((signal) => signal + 1);
    },
    /** Ends the drawing, with what to say about it (the save), if anything. */
    stop: (said: string | null = null) => {
      setForId(null);
      setNotice(said);
    },
  };
}
