// The actions dashboard's script: filters the table by state, lateness, organisation, group and
// words, from the form or the address (actions.html?etat=retard&responsable=OIM), and marks the
// late actions as of the day the page is read (or ?au=AAAA-MM-JJ). Nothing leaves the page.
const form = document.getElementById('filtres') as HTMLFormElement | null;
const table = document.getElementById('actions');
const count = document.getElementById('compte');

if (form && table && count) {
  document.getElementById('sans-script')?.remove();
  const params = new URLSearchParams(location.search);
  const today = /^\d{4}-\d{2}-\d{2}$/.test(params.get('au') ?? '') ? params.get('au')! : localDay(new Date());
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  for (const name of ['etat', 'responsable', 'groupe', 'mots']) {
    const value = params.get(name);
    if (value !== null) field(name).value = value;
  }
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')];
  const late = (row: HTMLTableRowElement) => row.dataset.ouverte === 'oui' && row.dataset.echeance !== '' && row.dataset.echeance! < today;
  for (const row of rows) row.classList.toggle('en-retard', late(row));
  // Late actions per organisation, in the summary table.
  for (const line of document.querySelectorAll<HTMLTableRowElement>('#par-organisation-tableau tr[data-organisation]')) {
    const name = line.dataset.organisation!;
    const cell = line.querySelector('.retards');
    if (cell) cell.textContent = String(rows.filter((row) => late(row) && row.dataset.responsables!.split('|').includes(name)).length);
  }
  const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');

  const apply = () => {
    const state = field('etat').value;
    const responsible = field('responsable').value;
    const group = field('groupe').value;
    const words = fold(field('mots').value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const visible =
        (state === 'toutes' ||
          (state === 'ouvertes' && row.dataset.ouverte === 'oui') ||
          (state === 'closes' && row.dataset.ouverte === 'non') ||
          (state === 'retard' && late(row))) &&
        (responsible === '' || row.dataset.responsables!.split('|').includes(responsible) || (responsible !== '?' && responsible !== 'tous' && row.dataset.responsables === 'tous')) &&
        (group === '' || row.dataset.groupe === group) &&
        words.every((word) => fold(row.textContent ?? '').includes(word));
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = `${shown} action${shown > 1 ? 's' : ''} affichée${shown > 1 ? 's' : ''} sur ${rows.length}`;
    const next = new URLSearchParams();
    if (state !== 'ouvertes') next.set('etat', state);
    if (responsible !== '') next.set('responsable', responsible);
    if (group !== '') next.set('groupe', group);
    if (field('mots').value !== '') next.set('mots', field('mots').value);
    if (params.has('au')) next.set('au', today);
    const address = next.toString();
    history.replaceState(null, '', address === '' ? location.pathname : `?${address}`);
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}

function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
