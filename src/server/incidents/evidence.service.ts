/**
 * Evidence and responses on an incident. Files are kept in the database with the SHA-256 the
 * server computes, so a party can check that what it downloads is what was filed; links are
 * kept as given. A party answers an allegation against it; nobody answers for another party.
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { EvidenceFileQuery, EvidenceLinkCreate, Parsed, ResponseCreate } from '../../contract/index.ts';
import { actsForParty, assertRules, delegatePartyOf, ForbiddenError, mayAddEvidence, NotFoundError, type Evidence, type IncidentResponse, type Principal } from '../../core/index.ts';
import type { Repositories } from '../../db/index.ts';
import type { Actor, Write } from '../write.ts';

/** Largest evidence file, in bytes. */
export const MAX_EVIDENCE_BYTES = 20 * 1_048_576;

const TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.zip': 'application/zip',
};

/** The media type of a file name, application/octet-stream when unknown. */
export const guessContentType = (name: string): string => TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';

export function evidenceService({ repos, write }: { repos: Repositories; write: Write }) {
  /** The incident, checked for the caller's right to add evidence to it. */
  async function target(tx: Repositories, ref: string, id: string, principal: Principal) {
    const agreement = await tx.agreements.get(ref);
    const incident = await tx.incidents.get(agreement.id, id);
    if (!mayAddEvidence(principal, incident)) {
      throw new ForbiddenError("A party delegate adds evidence to its own party's reports and to allegations against its party only");
    }
    return incident;
  }

  return {
    addLink: (ref: string, id: string, input: Parsed<typeof EvidenceLinkCreate>, principal: Principal, actor: Actor): Promise<Evidence> =>
      write(actor, async ({ repos: tx, record }) => {
        const incident = await target(tx, ref, id, principal);
        const evidence = await tx.incidentRecords.addEvidence({
          incidentId: id,
          kind: 'link',
          name: input.name || input.url,
          url: input.url,
          contentType: null,
          size: null,
          sha256: null,
          description: input.description,
          addedBy: actor.id,
        });
        await record({ action: 'create', entity: 'evidence', entityId: evidence.id, agreementId: incident.agreementId, before: null, after: evidence });
        return evidence;
      }),

    /** Stores a file's bytes with the SHA-256 computed here; the audit entry holds the hash, not the bytes. */
    addFile: (ref: string, id: string, bytes: Uint8Array, query: Parsed<typeof EvidenceFileQuery>, principal: Principal, actor: Actor): Promise<Evidence> =>
      write(actor, async ({ repos: tx, record }) => {
        const incident = await target(tx, ref, id, principal);
        if (bytes.byteLength === 0) assertRules([{ path: 'body', message: 'the file is empty' }]);
        const evidence = await tx.incidentRecords.addEvidence(
          {
            incidentId: id,
            kind: 'file',
            name: query.name,
            url: null,
            contentType: query.contentType ?? guessContentType(query.name),
            size: bytes.byteLength,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            description: query.description,
            addedBy: actor.id,
          },
          bytes,
        );
        await record({ action: 'create', entity: 'evidence', entityId: evidence.id, agreementId: incident.agreementId, before: null, after: evidence });
        return evidence;
      }),

    /** A file's description and bytes; 404 for a link or for evidence of another incident. */
    async file(ref: string, id: string, evidenceId: string): Promise<{ evidence: Evidence; bytes: Uint8Array }> {
      const agreement = await repos.agreements.get(ref);
      await repos.incidents.get(agreement.id, id);
      const found = await repos.incidentRecords.evidenceFile(id, evidenceId);
      if (!found?.bytes) throw new NotFoundError('Evidence file', evidenceId);
      return { evidence: found.evidence, bytes: found.bytes };
    },

    /**
     * A response to the allegation, for the party it is made against (alleged or attributed): filed
     * by that party's delegate, or by a mediator or administrator naming the party.
     */
    respond: (ref: string, id: string, input: Parsed<typeof ResponseCreate>, principal: Principal, actor: Actor): Promise<IncidentResponse> =>
      write(actor, async ({ repos: tx, record }) => {
        const agreement = await tx.agreements.get(ref);
        const incident = await tx.incidents.get(agreement.id, id);
        const own = delegatePartyOf(principal, agreement.id);
        const partyId = input.partyId ?? own;
        if (!partyId) assertRules([{ path: 'partyId', message: 'name the party that responds' }]);
        if (!actsForParty(principal, agreement.id, partyId!)) {
          throw new ForbiddenError("A party delegate responds for its own party only");
        }
        if (partyId !== incident.allegedPartyId && partyId !== incident.attributedPartyId) {
          assertRules([{ path: 'partyId', message: 'the incident makes no allegation against this party' }]);
        }
        const response = await tx.incidentRecords.addResponse({ incidentId: id, partyId: partyId!, body: input.body, authorId: actor.id, authorName: actor.name });
        await record({ action: 'create', entity: 'incident_response', entityId: response.id, agreementId: agreement.id, before: null, after: response });
        return response;
      }),
  };
}
export type EvidenceService = ReturnType<typeof evidenceService>;
