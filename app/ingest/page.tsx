import { UploadPage } from '@/components/ingest/upload-page';

export default function Page() {
  return (
    <>
      <h1>Ingest scans</h1>
      <p className="muted">
        DICOM CT, MR, PET, SEG and RTSTRUCT. Files are checked one by one: good files go in even
        when others are refused, and every refused file gets its reason.
      </p>
      <UploadPage />
    </>
  );
}
