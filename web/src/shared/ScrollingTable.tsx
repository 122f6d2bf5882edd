/** A data table under a heading, scrolling sideways on a narrow screen rather than overflowing the page. */
import type { ReactNode } from 'react';

export interface ScrollingTableProps {
  /** The id of the heading that names the table. */
  labelledBy: string;
  /** The column headers; one may be visually hidden (an "Actions" column). */
  columns: readonly ReactNode[];
  className?: string;
  /** Whether newer rows are on their way (the table dims). */
  busy?: boolean;
  /** The rows. */
  children: ReactNode;
}

export function ScrollingTable({ labelledBy, columns, className, busy, children }: ScrollingTableProps) {
  return (
    <div className="table-scroll">
      <table className={className} aria-labelledby={labelledBy} aria-busy={busy}>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
