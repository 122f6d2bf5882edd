/**
 * An incident's evidence: files (with the SHA-256 the server computed, and a download link) and
 * links; for those who may add evidence here, a file upload and a link form.
 */
import { useState, type FormEvent } from 'react';
import type { EvidenceView, IncidentDetail } from '../../../src/contract/index.ts';
import { EvidenceLinkCreate } from '../../../src/contract/index.ts';
import { TextField } from '../shared/fields.tsx';
import { FormActions, GeneralProblems, problemsOf, zodIssues } from '../shared/forms.tsx';
import { EmptyState } from '../shared/states.tsx';
import { ZonedTime } from '../shared/ZonedTime.tsx';
import { evidenceFileHref, incidentsApi, useIncidentWrite } from './incidents.api.ts';
import { sizeText } from './incidentText.ts';

interface EvidenceProps {
  slug: string;
  incident: IncidentDetail;
  /** The agreement's zone, in which times are shown. */
  timeZone: string;
  canAdd: boolean;
  onChanged: (message: string) => void;
}

export function EvidenceSection({ slug, incident, timeZone, canAdd, onChanged }: EvidenceProps) {
  return (
    <section aria-labelledby="evidence-heading" className="section">
      <h2 id="evidence-heading">Evidence</h2>
      {incident.evidence.length === 0 ? (
        <EmptyState title="No evidence filed yet." />
      ) : (
        <ul className="evidence-list" aria-labelledby="evidence-heading">
          {incident.evidence.map((e) => (
            <EvidenceItem key={e.id} slug={slug} evidence={e} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {canAdd ? (
        <div className="evidence-forms">
          <UploadForm slug={slug} incidentId={incident.id} onChanged={onChanged} />
          <LinkForm slug={slug} incidentId={incident.id} onChanged={onChanged} />
        </div>
      ) : null}
    </section>
  );
}

function EvidenceItem({ slug, evidence, timeZone }: { slug: string; evidence: EvidenceView; timeZone: string }) {
  return (
    <li className="evidence" aria-label={evidence.name}>
      <p className="evidence-head">
        {evidence.kind === 'file' ? (
          <a href={evidenceFileHref(slug, evidence.incidentId, evidence.id)} download={evidence.name} dir="auto">
            {evidence.name}
          </a>
        ) : (
          <a href={evidence.url ?? undefined} rel="noopener noreferrer nofollow" target="_blank" dir="auto">
            {evidence.name}
          </a>
        )}
        <span className="pill pill-outline">{evidence.kind === 'file' ? 'File' : 'Link'}</span>
        <span className="muted">
          {evidence.kind === 'file' ? `${sizeText(evidence.size)} · ${evidence.contentType ?? 'unknown type'} · ` : ''}
          added <ZonedTime iso={evidence.createdAt} timeZone={timeZone} />
        </span>
      </p>
      {evidence.sha256 ? (
        <p className="evidence-hash">
          SHA-256 <code aria-label="SHA-256">{evidence.sha256}</code>
        </p>
      ) : null}
      {evidence.description ? (
        <p dir="auto" className="evidence-description">
          {evidence.description}
        </p>
      ) : null}
    </li>
  );
}

function UploadForm({ slug, incidentId, onChanged }: { slug: string; incidentId: string; onChanged: (message: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [formKey, setFormKey] = useState(0);
  const upload = useIncidentWrite(slug, (input: { file: File; description: string }) => incidentsApi.uploadFile(slug, incidentId, input.file, input.description));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    upload.mutate(
      { file, description },
      {
        onSuccess: (saved) => {
          setFile(null);
          setDescription('');
          setFormKey((k) => k + 1);
          onChanged(`File “${saved.name}” added; SHA-256 computed by the server: ${saved.sha256 ?? 'none'}.`);
        },
      },
    );
  };

  return (
    <form className="form panel" onSubmit={submit} aria-label="Upload a file">
      <h3>Upload a file</h3>
      {upload.isError ? <GeneralProblems problems={problemsOf(upload.error, [])} /> : null}
      <div className="field">
        <label htmlFor={`evidence-file-${formKey}`}>File (at most 20 MB)</label>
        <input key={formKey} id={`evidence-file-${formKey}`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <TextField label="File description" value={description} onChange={setDescription} dir="auto" autoComplete="off" />
      <FormActions submit="Upload" busy={upload.isPending} busyLabel="Uploading…" disabled={!file || upload.isPending} />
    </form>
  );
}

function LinkForm({ slug, incidentId, onChanged }: { slug: string; incidentId: string; onChanged: (message: string) => void }) {
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [urlError, setUrlError] = useState<string | undefined>();
  const add = useIncidentWrite(slug, (body: { url: string; name?: string; description: string }) => incidentsApi.addLink(slug, incidentId, body));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { url: url.trim(), description, ...(name.trim() && { name: name.trim() }) };
    const parsed = EvidenceLinkCreate.safeParse(body);
    const issue = parsed.success ? undefined : zodIssues(parsed.error).find((i) => i.path === 'url');
    setUrlError(issue ? 'An http or https link, such as https://example.org/report' : undefined);
    if (!parsed.success) return;
    add.mutate(body, {
      onSuccess: (saved) => {
        setUrl('');
        setName('');
        setDescription('');
        onChanged(`Link “${saved.name}” added.`);
      },
    });
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-label="Add a link">
      <h3>Add a link</h3>
      {add.isError ? <GeneralProblems problems={problemsOf(add.error, ['url'])} /> : null}
      <TextField label="Link" type="url" value={url} onChange={setUrl} error={urlError} autoComplete="off" />
      <TextField label="Link name" value={name} onChange={setName} dir="auto" autoComplete="off" hint="Optional: the link itself by default." />
      <TextField label="Link description" value={description} onChange={setDescription} dir="auto" autoComplete="off" />
      <FormActions submit="Add link" busy={add.isPending} busyLabel="Adding…" />
    </form>
  );
}
