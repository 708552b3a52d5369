import { ResponsePage } from '@/components/response/response-page';

export default async function Page({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;

  return <ResponsePage patientId={decodeURIComponent(patientId)} />;
}
