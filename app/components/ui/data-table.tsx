// A table of rows described by its columns: each column's heading, its cell for a row (or the
// instant it shows, in the table's zone) and the cell's attributes. The first column heads its row
// (<th scope="row">). A card table (.table--cards) labels each cell with its column's heading
// (data-label), which a phone shows before the value; with no rows, what stands instead (a
// sentence) is shown. A table section: a card table in a section whose heading names both.
import type { ComponentProps, HTMLAttributes, Key, ReactNode, TdHTMLAttributes } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { formatInstant } from "~/lib/dates";
import { TableShell } from "./table-shell";

type CellProps = TdHTMLAttributes<HTMLTableCellElement>;

export type Column<Row> = {
  /** The column's heading (and each cell's label in a card table). */
  label: string;
  /** More attributes of its cells: a class, a lang. */
  props?: CellProps | ((row: Row) => CellProps);
} & (
  | { cell: (row: Row) => ReactNode }
  /** An instant in the table's zone and the reader's language ("—" where a row has none). */
  | { time: (row: Row) => Date | string | null }
);

type DataTableProps<Row> = Omit<ComponentProps<typeof TableShell>, "children"> & {
  rows: readonly Row[];
  /** A column left out where a condition is false (an actions column for readers who may not act). */
  columns: (Column<Row> | false | null)[];
  rowKey: (row: Row) => Key;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };
  /** On a phone each row becomes a card with labelled cells. */
  cards?: boolean;
  /** What stands instead of a table without rows. */
  empty?: ReactNode;
  /** The zone of its time columns (UTC unless told). */
  timeZone?: string;
};

export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  rowProps,
  cards = false,
  empty = null,
  timeZone = "UTC",
  tableClassName,
  ...shell
}: DataTableProps<Row>) {
  const { i18n } = useTranslation();
  if (!rows.length) return <>{empty}</>;
  const shown = columns.filter((column): column is Column<Row> => Boolean(column));
  const tableClass = [cards ? "table--cards" : "", tableClassName ?? ""].filter(Boolean).join(" ") || undefined;
  return (
    <TableShell {...shell} tableClassName={tableClass}>
      <thead>
        <tr>
          {shown.map((column, n) => (
            <th key={n} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {shown.map((column, n) => {
              const Cell = n === 0 ? "th" : "td";
              const props = typeof column.props === "function" ? column.props(row) : column.props;
              const at = "time" in column ? column.time(row) : undefined;
              // The server's wording of a time stands: Node's and the browser's zone data can differ.
              return (
                <Cell
                  key={n}
                  scope={n === 0 ? "row" : undefined}
                  {...props}
                  data-label={cards ? column.label : undefined}
                  suppressHydrationWarning={"time" in column}
                >
                  {"cell" in column ? column.cell(row) : at ? formatInstant(at, i18n.language, timeZone) : "—"}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </TableShell>
  );
}

/** A section named by its heading (`id`), which names its card table too; `intro` stands before the table, `children` after it. */
export function TableSection<Row>({
  id,
  title,
  className,
  intro,
  children,
  ...table
}: Omit<DataTableProps<Row>, "caption" | "captionHidden" | "labelledBy" | "cards"> & {
  id: string;
  title: ReactNode;
  className?: string;
  intro?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>{title}</h2>
      {intro}
      <DataTable {...table} cards labelledBy={id} />
      {children}
    </section>
  );
}
