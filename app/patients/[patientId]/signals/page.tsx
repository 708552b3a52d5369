import { SignalsDashboard } from '@/components/signals/signals-dashboard';

export default async function Page({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;

  return <SignalsDashboard patientId={decodeURIComponent(patientId)} />;
}
