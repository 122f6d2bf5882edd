/**
 * The ground beside the map: the date slider of the controlled areas (only the snapshot in force on
 * the chosen day is drawn, the day written beside it), the withdrawal items with their status
 * (selecting one highlights the area it leaves and the line it goes behind), and a crossing's or
 * corridor's flow indicators, latest value against target.
 */
import { useId } from 'react';
import { Link } from 'react-router';
import type { WithdrawalItemView, ZoneView } from '../../../src/contract/index.ts';
import { useZoneIndicators } from '../ground/ground.api.ts';
import { latestText } from '../ground/groundText.ts';
import { latestMet, MetBadge, WithdrawalStatusBadge } from '../ground/badges.tsx';
import { EmptyState, QueryStates } from '../shared/states.tsx';
import { formatDate } from '../shared/time.ts';
import { dateAt, positionOf, type SliderRange } from './ground.ts';
import './ground-panels.css';

/** Zone kinds whose flows indicators measure. */
export const FLOW_KINDS: readonly ZoneView['kind'][] = ['crossing', 'aid_corridor'];

export function AreaDateSlider(props: { range: SliderRange; date: string; snapshots: readonly ZoneView[]; onChange: (date: string) => void }) {
  const { range, date, snapshots, onChange } = props;
  const id = useId();
  const words = formatDate(date);
  return (
    <section className="panel map-area-slider" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Areas held on a date</h2>
      <label htmlFor={id}>Date</label>
      <div className="map-slider-row">
        <input
          id={id}
          type="range"
          min={0}
          max={range.days}
          step={1}
          value={positionOf(range, date)}
          aria-valuetext={words}
          aria-describedby={`${id}-shown`}
          onChange={(e) => onChange(dateAt(range, Number(e.target.value)))}
        />
        <output htmlFor={id} className="map-slider-date">
          {words}
        </output>
      </div>
      <p className="field-hint" id={`${id}-shown`}>
        {snapshots.length === 0
          ? `No controlled area had been drawn by ${words}.`
          : `Shown: ${snapshots.map((z) => `${z.name}, as of ${formatDate(z.asOf ?? date)}`).join('; ')}.`}{' '}
        From {formatDate(range.first)} to {formatDate(range.last)}; the arrow keys move a day.
      </p>
    </section>
  );
}

export function WithdrawalPanel(props: { slug: string; items: readonly WithdrawalItemView[]; zones: readonly ZoneView[]; selectedId: string | null; onSelect: (item: WithdrawalItemView | null) => void }) {
  const { slug, items, zones, selectedId, onSelect } = props;
  const name = (id: string | null) => zones.find((z) => z.id === id)?.name ?? null;
  if (items.length === 0) return <EmptyState title="No withdrawal item has been scheduled." />;
  return (
    <>
      <ul className="map-withdrawals">
        {items.map((item) => {
          const left = name(item.fromZoneId);
          const behind = name(item.behindZoneId);
          return (
            <li key={item.id} className={item.id === selectedId ? 'selected' : undefined}>
              <button type="button" className="button-link" aria-pressed={item.id === selectedId} onClick={() => onSelect(item.id === selectedId ? null : item)}>
                <span dir="auto">{item.force}</span>
              </button>
              <WithdrawalStatusBadge item={item} />
              <span className="map-withdrawal-zones">
                {left ? (
                  <>
                    leaves <span dir="auto">{left}</span>
                  </>
                ) : (
                  'no area named'
                )}
                {behind ? (
                  <>
                    , behind <span dir="auto">{behind}</span>
                  </>
                ) : null}
                ; by {formatDate(item.deadline)}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="field-hint">
        Selected, the area left is outlined in dashes and the line behind drawn solid. <Link to={`/agreements/${encodeURIComponent(slug)}/ground`}>The whole schedule</Link>.
      </p>
    </>
  );
}

export function ZoneFlows({ slug, zone }: { slug: string; zone: ZoneView }) {
  const indicators = useZoneIndicators(slug, zone.id, FLOW_KINDS.includes(zone.kind));
  if (!FLOW_KINDS.includes(zone.kind)) return null;
  return (
    <div className="map-zone-flows">
      <h3>Flows</h3>
      <QueryStates query={indicators} loading="Loading the flows…" failed="Could not load the flows" empty="No indicator measures this zone’s flows.">
        {(list) => (
          <ul>
            {list.map((indicator) => (
              <li key={indicator.id}>
                <Link to={`/agreements/${encodeURIComponent(slug)}/indicators/${indicator.id}`} dir="auto">
                  {indicator.name}
                </Link>
                <span className="map-flow-latest">
                  <MetBadge met={latestMet(indicator)} />{' '}
                  {latestText(indicator, indicator.streak)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryStates>
    </div>
  );
}
