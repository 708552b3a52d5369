import Link from 'next/link';

import { JobProgress } from '@/components/ingest/job-progress';

export default async function Page({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;

  return (
    <>
      <p className="small">
        <Link href="/ingest/history">Ingest history</Link> /
      </p>
      <JobProgress jobId={jobId} />
    </>
  );
}
