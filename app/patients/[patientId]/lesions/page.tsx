import { LesionTable } from '@/components/lesions/lesion-table';

export default async function Page({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;

  return <LesionTable patientId={decodeURIComponent(patientId)} />;
}
