import { IngestHistory } from '@/components/ingest/history';

export default function Page() {
  return (
    <>
      <h1>Ingest history</h1>
      <IngestHistory />
    </>
  );
}
