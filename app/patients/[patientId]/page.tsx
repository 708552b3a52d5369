import { PatientPage } from '@/components/patients/patient-page';

export default async function Page({ params }: { params: Promise<{ patientId: string }> }) {
  const { patientId } = await params;

  return <PatientPage patientId={decodeURIComponent(patientId)} />;
}
