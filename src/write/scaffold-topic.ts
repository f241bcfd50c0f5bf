/**
 * The starter files of `dialogpack new`: a topic that checks and builds without a warning, written in
 * Danish like the topics it starts, with comments that teach the format where an editor first looks.
 * Input: the slug. Output: files by path relative to the new folder. topic.yaml points editors' YAML
 * tooling at the schema copy in the content root (schema-copy.ts), one folder up.
 * Never: touch the disk (write-scaffold writes what this returns).
 */
import { schemaCopyName } from './schema-copy.js';
import type { OutputFile } from './write-outputs.js';

export function scaffoldTopic(slug: string): OutputFile[] {
  const files: Record<string, string> = {
    'topic.yaml': topicYaml(slug),
    'purpose.md': purposeMd,
    'case.md': caseMd,
  };
  return Object.entries(files).map(([file, text]) => ({ path: file, bytes: new TextEncoder().encode(text) }));
}

/** `hjaelp-til-mitid` → `Hjaelp til mitid`: a title that builds; the editor rewrites it anyway. */
function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const topicYaml = (slug: string) => `# yaml-language-server: $schema=../${schemaCopyName}
# Emnet "${slug}". Linjer, der begynder med #, er kommentarer, som dialogpack ikke læser.
# Alle felter er forklaret i docs/authoring.md. Tjek emnet, mens du skriver, og se det i print:
#   dialogpack check content/${slug}
#   dialogpack build content/${slug} --participants 12

# Titlen står på forsiden og øverst på siderne.
title: ${titleFromSlug(slug)}
# Undertitlen står under titlen på forsiden. Linjen kan slettes.
subtitle: Dialogmateriale for frontmedarbejdere
# Sproget i materialets faste tekster: da (dansk) eller en (engelsk).
lang: da
# Udgiver og dato (ÅÅÅÅ-MM-DD) kommer med, hvis du fjerner # foran linjerne.
# publisher: Eksempelkommunen
# date: 2024-05-01

# Hvor mange deltagere dialogen er lavet til.
participants: { min: 4, max: 16 }
# Cirka hvor mange minutter dialogen varer. Trinenes minutter skal give omtrent det samme.
duration: 30

# Formålet står i purpose.md. Du kan også skrive teksten direkte her i stedet for filnavnet.
purpose: purpose.md
# Rammespørgsmålene: det, hele dialogen handler om. De kommer også på flipoverens første ark.
questions:
  - Hvad er vores opgave, når en borger beder om hjælp?
  - Hvor går grænsen for den hjælp, vi giver?

# Det, der skal gøres klar før mødet.
preparation:
  materials:
    - Skriveredskaber til alle
    - Papkort eller papir
    - Tavle eller flipover
  checklist:
    - Print casen til deltagerne, eller send den ud før mødet.
    - Aftal, hvem der faciliterer, og hvem der holder øje med tiden.

# Tekstafsnit i materialet, i rækkefølge. handout: true betyder, at afsnittet også kommer med
# i deltagernes handout.
sections:
  - { title: Case, file: case.md, handout: true }

# Drejebogens trin, i rækkefølge. Værktøjet nummererer dem.
# grouping: plenary (alle samlet), individual (hver for sig), pairs (to og to)
# eller groups (i grupper, med group-size).
steps:
  - title: Rammesæt emnet
    minutes: 5
    grouping: plenary
    instructions:
      - Fortæl kort, hvad emnet handler om, og hvorfor I taler om det i dag.
      - Læs casen højt, eller lad en af deltagerne gøre det.
    questions:
      - Hvad lægger I mærke til i casen?

  - title: Tal sammen to og to
    minutes: 8
    grouping: pairs
    instructions:
      - Bed deltagerne tale sammen to og to om det, der undrede dem i casen.
    questions:
      - Hvad ville I gøre i medarbejderens sted?
    tips:
      # Et råd med when kommer kun med, når antallet af deltagere passer.
      - text: Er I mange, så lad kun tre eller fire makkerpar fortælle i plenum.
        when: { min-participants: 10 }

  - title: Drøft egen praksis i grupper
    # Minutter efter antal deltagere: 8 minutter ved 4 deltagere, 12 ved 16 og jævnt imellem.
    minutes: { 4: 8, 16: 12 }
    grouping: groups
    group-size: 4
    instructions:
      - Grupperne deler erfaringer fra deres egen hverdag.
      - Hver gruppe skriver ét forslag til en bedre praksis på et papkort.
    questions:
      - Hvornår har vi oplevet noget lignende?
      - Hvad kan vi gøre bedre?

  - title: Saml op og aftal næste skridt
    minutes: 7
    grouping: plenary
    instructions:
      - Hver gruppe fremlægger sit forslag.
      - Aftal ét forslag, som I vil prøve af, hvem der har ansvaret, og hvornår I følger op.
    questions:
      - Hvilket forslag vil vi prøve af?
      - Hvornår følger vi op?
`;

const purposeMd = `Skriv her, hvorfor I tager denne dialog, og hvad den skal føre til. Formålet står forrest
i materialet, så alle ved, hvad I skal bruge tiden på.

Et godt formål svarer kort på tre spørgsmål:

- Hvilken situation fra hverdagen handler dialogen om?
- Hvilket dilemma skal deltagerne tale om?
- Hvad skal I gerne have aftalt, når mødet slutter?
`;

const caseMd = `Skriv her en kort case: en situation fra hverdagen, som deltagerne kan genkende, og som rummer
et dilemma uden et facit. Casen kommer også med i deltagernes handout.

Et eksempel: En borger kommer i borgerservice med sin nye tablet. Hun kan ikke logge ind på sin
digitale post og beder medarbejderen om at gøre det for hende. Bag hende står flere i kø.

Slut gerne casen med et spørgsmål: Hvad ville I gøre – og hvad ville I ikke gøre?
`;
