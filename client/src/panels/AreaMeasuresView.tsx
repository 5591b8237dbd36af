import { measureArea } from '../../../domain/area.ts';
import type { ClusterGeometry, ClusterProperties } from '../../../domain/cluster.ts';
import type { Source } from '../../../domain/source.ts';
import { provinceCentralMeridian } from '../../../domain/vn2000.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { FigureValue } from './FigureValue.tsx';

/**
 * Declared area beside the area measured from the geometry: on the WGS84 ellipsoid and in the
 * province's VN-2000 plane, the one official records use. An illustrative shape's area means nothing,
 * and the card says so rather than hide the number.
 */
export function AreaMeasuresView({
  cluster,
  geometry,
  sources,
}: {
  cluster: ClusterProperties;
  geometry: ClusterGeometry;
  sources: Source[];
}) {
  const { t, number } = useI18n();
  const measured = measureArea(geometry, {
    centralMeridianDegrees: provinceCentralMeridian(cluster.provinceId),
  });
  const illustrative = cluster.geometrySource === 'illustrative';
  return (
    <dl className="facts" data-section="areas">
      <dt>{t.declaredArea}</dt>
      <dd>
        <FigureValue
          figure={cluster.figures.establishedAreaHa ?? cluster.figures.plannedAreaHa}
          sources={sources}
        />
      </dd>
      <dt>{t.measuredArea}</dt>
      <dd>
        <div data-measure="vn2000">
          {measured.vn2000PlaneHectares === null
            ? `${t.vn2000Plane}: ${t.unknown}`
            : `${t.vn2000Plane}: ${number(measured.vn2000PlaneHectares, 2)} ha`}
        </div>
        <div data-measure="geodesic">
          {t.geodesicArea}: {number(measured.geodesicHectares, 2)} ha
        </div>
        {illustrative && <div className="muted small">{t.measuredOnIllustrative}</div>}
      </dd>
    </dl>
  );
}
