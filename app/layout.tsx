import type { Metadata } from 'next';
import Link from 'next/link';

import { Providers } from '@/components/providers';

import './globals.css';

export const metadata: Metadata = {
  title: 'Hallmark',
  description: 'Longitudinal treatment-response tracking in oncology imaging',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav className="topbar" aria-label="Main">
          <Link href="/" className="brand">
            Hallmark
          </Link>
          <Link href="/">Patients</Link>
          <Link href="/ingest">Ingest</Link>
          <Link href="/ingest/history">Ingest history</Link>
        </nav>
        <Providers>
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
