import type { ReactNode } from 'react';
import { ScrollBox } from '../../../components/scroll-box';

interface StaffTableProps {
  /** Names the table for screen readers (the heading above says the same to sighted users). */
  caption: string;
  /** The column headings, in order; each row's first cell is its row heading. */
  columns: readonly string[];
  /** Smaller type and padding, for tables with many columns. */
  dense?: boolean;
  /** The rows. */
  children: ReactNode;
}

/** The support panel's tables: one look, one scroll box, one way of naming columns. */
export function StaffTable({ caption, columns, dense = false, children }: StaffTableProps) {
  return (
    <ScrollBox className="table-scroll">
      <table className={dense ? 'data-table admin-table admin-table--dense' : 'data-table admin-table'}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}
