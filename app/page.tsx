import { PatientList } from '@/components/patients/patient-list';

export default function HomePage() {
  return (
    <>
      <h1>Patients</h1>
      <PatientList />
    </>
  );
}
