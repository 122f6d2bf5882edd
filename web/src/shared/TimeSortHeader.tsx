/**
 * The time column's header of a list in time order: the agreement's zone, an arrow, and a button that
 * turns the order round, saying to a screen reader what it is and what the click does.
 */
export type TimeOrder = 'asc' | 'desc';

export function TimeSortHeader({ timeZone, order, onOrder }: { timeZone: string; order: TimeOrder; onOrder: (order: TimeOrder) => void }) {
  return (
    <th scope="col" aria-sort={order === 'desc' ? 'descending' : 'ascending'}>
      <button type="button" className="button-link sort" onClick={() => onOrder(order === 'desc' ? 'asc' : 'desc')}>
        Time ({timeZone}) <span aria-hidden="true">{order === 'desc' ? '↓' : '↑'}</span>
        <span className="visually-hidden">{order === 'desc' ? ', newest first: show oldest first' : ', oldest first: show newest first'}</span>
      </button>
    </th>
  );
}
