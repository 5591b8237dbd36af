import { useI18n } from '../i18n/I18nContext.tsx';
import { thematicLayers } from './thematic/layers.ts';
import { type ThematicLayerId, thematicLayerIds } from './thematic/types.ts';

/** Radio buttons for the five thematic layers: native inputs, so keyboard and screen readers just work. */
export function LayerSwitcher({
  value,
  onChange,
}: {
  value: ThematicLayerId;
  onChange: (id: ThematicLayerId) => void;
}) {
  const { t, text } = useI18n();
  return (
    <fieldset className="layer-switcher">
      <legend>{t.layers}</legend>
      {thematicLayerIds.map((id) => (
        <label key={id} className={id === value ? 'active' : undefined}>
          <input
            type="radio"
            name="thematic-layer"
            value={id}
            checked={id === value}
            onChange={() => onChange(id)}
          />
          {text(thematicLayers[id].title)}
        </label>
      ))}
    </fieldset>
  );
}
