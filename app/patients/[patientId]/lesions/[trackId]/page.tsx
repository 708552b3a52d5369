import { LesionPage } from '@/components/lesions/lesion-page';

export default async function Page({
  params,
}: {
  params: Promise<{ patientId: string; trackId: string }>;
}) {
  const { patientId, trackId } = await params;

  return <LesionPage patientId={decodeURIComponent(patientId)} trackId={trackId} />;
}
