import { userMessageOf } from '@/lib/errors';

export function ErrorBox({ error }: { error: unknown }) {
  return (
    <div className="error" role="alert">
      {userMessageOf(error)}
    </div>
  );
}
