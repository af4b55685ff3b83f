// JSON for other tools. Fields (French, stable):
//   au                   the reference day, AAAA-MM-JJ
//   actions[]            in the order of their due day, then id:
//     id, description
//     responsables       list of acronyms; ["tous"] for every member; [] while undecided
//     echeance           { ecrite: as written (after postponements) or null,
//                          date: due day AAAA-MM-JJ or null (words, unscheduled meeting),
//                          reportee: true when a follow-up changed it }
//     statut             ouvert | en_cours | realise | abandonne | reporte
//     reunion, date_reunion, groupe   the meeting that decided it
//     en_retard          open and due before `au`
//     dernier_suivi      { reunion, date, statut, commentaire (or null) } or null
import { compareRows, type Reporter } from './rows.js';

export const json: Reporter = (rows, options) => {
  const actions = [...rows].sort(compareRows).map((row) => ({
    id: row.id,
    description: row.description,
    responsables: row.responsibles,
    echeance: { ecrite: row.deadlineWritten ?? null, date: row.due ?? null, reportee: row.postponed },
    statut: row.status,
    reunion: row.meeting,
    date_reunion: row.meetingDate,
    groupe: row.group,
    en_retard: row.late,
    dernier_suivi: row.lastFollowUp
      ? {
          reunion: row.lastFollowUp.meeting,
          date: row.lastFollowUp.date,
          statut: row.lastFollowUp.status,
          commentaire: row.lastFollowUp.comment ?? null,
        }
      : null,
  }));
  return `${JSON.stringify({ au: options.today, actions }, null, 2)}\n`;
};
