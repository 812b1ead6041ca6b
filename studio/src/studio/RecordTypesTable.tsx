/** The slice of a record type the studio's overview reads from `recordTypes`. */
export interface RecordTypeSummary {
  name: string;
  label: string;
  extends: string | null;
  abstract: boolean;
  fields: { name: string; type: string; label: string }[];
}

/** One row per record type; fields fold away so a wide pack still fits on one screen. */
export function RecordTypesTable({ recordTypes }: { recordTypes: readonly RecordTypeSummary[] }) {
  return (
    <table className="record-types">
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Name</th>
          <th scope="col">Extends</th>
          <th scope="col">Fields</th>
        </tr>
      </thead>
      <tbody>
        {recordTypes.map((recordType) => (
          <tr key={recordType.name}>
            <td>
              {recordType.label}
              {recordType.abstract && <span className="badge">abstract</span>}
            </td>
            <td>
              <code>{recordType.name}</code>
            </td>
            <td>{recordType.extends ? <code>{recordType.extends}</code> : <span className="muted">—</span>}</td>
            <td>
              <details>
                <summary>
                  {recordType.fields.length} {recordType.fields.length === 1 ? 'field' : 'fields'}
                </summary>
                <ul className="fields">
                  {recordType.fields.map((field) => (
                    <li key={field.name}>
                      <code>{field.name}</code> {field.label} <span className="muted">{field.type}</span>
                    </li>
                  ))}
                </ul>
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
