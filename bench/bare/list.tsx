// The reference for the patient list: the least a React + Dexie page can do to show the
// same rows (code, name, last visit, that visit's totals) from the app's own database:
// one indexed query for the first 100 patients by code, then their last visits.
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Row {
  id: string;
  code: string;
  name?: string;
  last?: string;
  totals: string;
}

// No schema declared: Dexie opens the app's database as it is (dynamic mode).
const db = new Dexie('trajectory');

async function rows(search: string): Promise<Row[]> {
  if (!db.isOpen()) await db.open();
  const patients = db.table('patients');
  const query = search
    ? patients.where('codeKey').startsWithIgnoreCase(search)
    : patients.orderBy('codeKey');
  const first = (await query.limit(100).toArray()) as { id: string; code: string; name?: string }[];
  return Promise.all(
    first.map(async (p) => {
      const last = (await db
        .table('visits')
        .where('[patientId+date]')
        .between([p.id, Dexie.minKey], [p.id, Dexie.maxKey])
        .last()) as { id: string; date: string } | undefined;
      const scores = last
        ? ((await db.table('assessments').where('visitId').equals(last.id).toArray()) as {
            scaleId: string;
            entry: { responses?: (number | null)[]; total?: number };
          }[])
        : [];
      const totals = scores
        .map(
          (a) =>
            `${a.scaleId} ${a.entry.total ?? (a.entry.responses ?? []).reduce<number>((s, x) => s + (x ?? 0), 0)}`,
        )
        .join(' ');
      return {
        id: p.id,
        code: p.code,
        ...(p.name ? { name: p.name } : {}),
        ...(last ? { last: last.date } : {}),
        totals,
      };
    }),
  );
}

function List({ search }: { search: string }) {
  const list = useLiveQuery(() => rows(search), [search]);
  if (!list) return <p>Loading…</p>;
  return (
    <table>
      <tbody>
        {list.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.code}</th>
            <td>{r.name ?? ''}</td>
            <td>{r.last ?? '—'}</td>
            <td>{r.totals}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Page() {
  // "Navigation": the list mounts on a click, as the app's list does on a route change.
  const [shown, setShown] = useState(!location.hash.includes('later'));
  const [search, setSearch] = useState('');
  return (
    <main>
      <button type="button" onClick={() => setShown(true)}>
        Patients
      </button>
      <input aria-label="Search" value={search} onChange={(e) => setSearch(e.target.value)} />
      {shown && <List search={search} />}
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Page />);
