import { SeriesViewer } from '@/components/viewer/series-viewer';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;

  return <SeriesViewer seriesId={id} />;
}
