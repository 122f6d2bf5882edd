/** The public flag of an agreement (administrators): visitors who are not logged in read public agreements only. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { AgreementView } from '../../../src/contract/index.ts';
import { api, ApiError, apiPath, errorMessage } from '../shared/api.ts';
import { CheckboxField } from '../shared/fields.tsx';
import { queryKeys } from '../shared/queryKeys.ts';
import '../admin/admin.css';

export function PublishToggle({ agreement, onChanged }: { agreement: AgreementView; onChanged: (message: string) => void }) {
  const client = useQueryClient();
  const publish = useMutation({
    mutationFn: (value: boolean) =>
      api.patch(apiPath(`/agreements/${encodeURIComponent(agreement.slug)}`), AgreementView, { version: agreement.version, public: value }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.agreement(agreement.slug) });
      await client.invalidateQueries({ queryKey: queryKeys.agreementLists });
    },
  });
  const error = publish.error;
  // The value being saved, set in the change handler itself: react-query's own state reaches React
  // a moment later, and a controlled checkbox would meanwhile snap back to the old value.
  const [saving, setSaving] = useState<boolean | null>(null);
  const saved = publish.data && publish.data.version > agreement.version ? publish.data.public : agreement.public;
  const shown = saving ?? saved;
  return (
    <div className="publish-toggle">
      <CheckboxField
        label="Public"
        checked={shown}
        disabled={publish.isPending}
        onChange={(value) => {
          setSaving(value);
          publish.mutate(value, {
            onSuccess: (result) => onChanged(result.public ? 'The agreement is now public.' : 'The agreement is now private.'),
            onSettled: () => setSaving(null),
          });
        }}
        hint="Visitors who are not logged in can read a public agreement (never a confidential note)."
      />
      {error ? (
        <p className="field-error" role="alert">
          {error instanceof ApiError && error.isConflict ? 'The agreement was changed meanwhile: it is shown as it is now. Try again.' : errorMessage(error)}
        </p>
      ) : null}
    </div>
  );
}
