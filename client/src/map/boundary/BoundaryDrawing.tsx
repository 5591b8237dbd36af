import { useMap } from '@vis.gl/react-maplibre';
import type { Polygon } from 'geojson';
import { useEffect, useRef } from 'react';
import { type GeoJSONStoreFeatures, TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { ClusterGeometry } from '../../../../domain/cluster.ts';

/** What the editor is doing: moving vertices of the shape, or drawing a new one click by click. */
export type DrawingTool = 'edit' | 'draw';

type Props = {
  /** The boundary to start from; null to start with nothing. Read once, when drawing starts. */
  initial: ClusterGeometry | null;
  tool: DrawingTool;
  /** Every change: the polygons on the map as one geometry, or null when none is left. */
  onChange: (geometry: ClusterGeometry | null) => void;
  /** Bumped to wipe the map's shapes (to draw afresh). */
  clearSignal: number;
};

const EDIT_COLOUR = '#c2410c';

/** The shapes on the map as one geometry: a polygon, or a multipolygon for a cluster in parts. */
function geometryOf(draw: TerraDraw): ClusterGeometry | null {
  const polygons = draw
    .getSnapshot()
    .filter((feature) => feature.geometry.type === 'Polygon' && feature.properties.mode === 'polygon')
    .map((feature) => (feature.geometry as Polygon).coordinates as [number, number][][]);
  if (polygons.length === 0) return null;
  const [only] = polygons;
  return polygons.length === 1 && only
    ? { type: 'Polygon', coordinates: only }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Each part of a boundary as a feature terra-draw can edit. */
function editableFeatures(geometry: ClusterGeometry): GeoJSONStoreFeatures[] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.map((coordinates) => ({
    type: 'Feature' as const,
    geometry: {
      type: 'Polygon' as const,
      // terra-draw keeps 9 decimals at most; 1e-9° is well under a millimetre.
      coordinates: coordinates.map((ring) =>
        ring.map(([x, y]) => [Number(x.toFixed(9)), Number(y.toFixed(9))]),
      ),
    },
    properties: { mode: 'polygon' },
  }));
}

/**
 * terra-draw on the MapLibre map: the boundary's vertices can be dragged, a vertex added by dragging
 * a midpoint or removed by right-click, and a new shape drawn click by click (double-click or a
 * click on the first vertex closes it). Rendered inside the map once it has loaded (terra-draw adds
 * its own sources and layers to the style); reports every change.
 */
export function BoundaryDrawing({ initial, tool, onChange, clearSignal }: Props) {
  const { current: mapRef } = useMap();
  const drawRef = useRef<TerraDraw | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // biome-ignore lint/correctness/useExhaustiveDependencies: drawing starts once per map; `initial` is read then.
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({
          editable: true,
          styles: { fillColor: EDIT_COLOUR, outlineColor: EDIT_COLOUR, fillOpacity: 0.15, outlineWidth: 2 },
        }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                draggable: false,
                coordinates: { midpoints: true, draggable: true, deletable: true },
              },
            },
          },
          styles: {
            selectedPolygonColor: EDIT_COLOUR,
            selectedPolygonOutlineColor: EDIT_COLOUR,
            selectedPolygonFillOpacity: 0.15,
            selectionPointColor: EDIT_COLOUR,
            midPointColor: '#ffffff',
            midPointOutlineColor: EDIT_COLOUR,
          },
        }),
      ],
    });
    draw.start();
    drawRef.current = draw;
    if (initial) {
      const added = draw.addFeatures(editableFeatures(initial));
      const first = added.find((result) => result.valid);
      if (first) draw.setMode('select');
      if (first?.id !== undefined) draw.selectFeature(first.id);
    }
    draw.on('change', () => onChangeRef.current(geometryOf(draw)));
    onChangeRef.current(geometryOf(draw));
    return () => {
      drawRef.current = null;
      draw.stop();
    };
  }, [mapRef]);

  useEffect(() => {
    const draw = drawRef.current;
    if (!draw) return;
    const mode = tool === 'draw' ? 'polygon' : 'select';
    // Setting the mode again would restart it and drop the selection the editor is working on.
    if (draw.getMode() !== mode) draw.setMode(mode);
  }, [tool]);

  useEffect(() => {
    const draw = drawRef.current;
    if (!draw || clearSignal === 0) return;
    draw.clear();
    draw.setMode('polygon');
    onChangeRef.current(null);
  }, [clearSignal]);

  return null;
}
