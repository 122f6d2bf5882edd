/**
 * The bar above the map while a tool is on: picking an incident's place (or the browser's position),
 * drawing a zone (kind, shape, undo, finish) or moving a zone's corners (with the problems the
 * server would refuse).
 */
import { useState, type ReactNode } from 'react';
import { ZONE_KIND_LABELS, type ZoneKind } from '../../../src/core/zones.ts';
import { SelectField } from '../shared/fields.tsx';
import { options } from '../shared/labels.ts';
import { SHAPE_LABELS, verticesMissing, type Draft, type DrawShape, type LngLat } from './drawing.ts';
import { locate, LOCATION_PROBLEMS } from './geolocation.ts';

/** The frame of every tool's bar: what the tool shows, its own buttons, and Cancel last. */
function ToolBar({ children, actions, onCancel }: { children: ReactNode; actions?: ReactNode; onCancel: () => void }) {
  return (
    <div className="map-toolbar map-toolbar-active">
      {children}
      <div className="map-toolbar-actions">
        {actions}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export interface PickBarProps {
  onWithoutMap: () => void;
  /** The browser gave its position ("Use my location"). */
  onLocated: (point: LngLat) => void;
  onCancel: () => void;
}

/**
 * Choosing where an incident happened: a click on the map, or the browser's position; the form can
 * also be filled without the map (coordinates typed, or none).
 */
export function PickBar({ onWithoutMap, onLocated, onCancel }: PickBarProps) {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const findMe = async () => {
    setLocating(true);
    setProblem(null);
    const located = await locate();
    setLocating(false);
    if (located.ok) onLocated(located.point);
    else setProblem(LOCATION_PROBLEMS[located.problem]);
  };
  return (
    <ToolBar
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={() => void findMe()} disabled={locating}>
            {locating ? 'Finding your location…' : 'Use my location'}
          </button>
          <button type="button" className="button" onClick={onWithoutMap}>
            Type the coordinates instead
          </button>
        </>
      }
    >
      <p role="status">Click the place of the incident on the map.</p>
      {problem ? (
        <p className="form-problems map-locate-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </ToolBar>
  );
}

export interface DrawBarProps {
  kind: ZoneKind;
  draft: Draft;
  onKind: (kind: ZoneKind) => void;
  onShape: (shape: DrawShape) => void;
  onUndo: () => void;
  onFinish: () => void;
  onCancel: () => void;
}

export function DrawBar({ kind, draft, onKind, onShape, onUndo, onFinish, onCancel }: DrawBarProps) {
  const missing = verticesMissing(draft);
  const how =
    draft.shape === 'point'
      ? 'Click the place on the map.'
      : `Click on the map to add ${draft.shape === 'polygon' ? 'corners' : 'points'}; double-click or press Finish to end.`;
  return (
    <ToolBar
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onUndo} disabled={draft.vertices.length === 0}>
            Undo last point
          </button>
          <button type="button" className="button button-primary" onClick={onFinish} disabled={missing > 0}>
            Finish
          </button>
        </>
      }
    >
      <SelectField label="Kind" value={kind} onChange={(v) => onKind(v as ZoneKind)} options={options(ZONE_KIND_LABELS)} />
      <SelectField label="Shape" value={draft.shape} onChange={(v) => onShape(v as DrawShape)} options={options(SHAPE_LABELS)} />
      <p role="status">
        {how} {missing > 0 ? `${missing} more needed.` : `${draft.vertices.length} placed.`}
      </p>
    </ToolBar>
  );
}

export interface EditBarProps {
  name: string;
  problems: string[];
  changed: boolean;
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}

export function EditBar({ name, problems, changed, saving, onSave, onCancel }: EditBarProps) {
  return (
    <ToolBar
      onCancel={onCancel}
      actions={
        <button type="button" className="button button-primary" onClick={onSave} disabled={!changed || problems.length > 0 || saving}>
          {saving ? 'Saving…' : 'Save shape'}
        </button>
      }
    >
      <p role="status">
        Editing the shape of <strong dir="auto">{name}</strong>: drag the round handles to move its corners.
      </p>
      {problems.length > 0 ? (
        <div className="form-problems" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
    </ToolBar>
  );
}
