import { useId, type ReactNode } from 'react';
import { StaffTable } from '../../components/staff-table';

interface UserDetailTableProps {
  title: string;
  /** Said instead of the table when there are no rows. */
  noneText: string;
  isEmpty: boolean;
  columns: readonly string[];
  /** The rows. */
  children: ReactNode;
  /** Below the table (or the none text), e.g. a link to more. */
  footer?: ReactNode;
}

/** A card of the user page that lists records: its heading, then the table or a line saying there are none. */
export function UserDetailTable({ title, noneText, isEmpty, columns, children, footer }: UserDetailTableProps) {
  const headingId = useId();
  return (
    <section className="card admin-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {isEmpty ? (
        <p className="muted">{noneText}</p>
      ) : (
        <StaffTable caption={title} columns={columns}>
          {children}
        </StaffTable>
      )}
      {footer}
    </section>
  );
}
