"""The built-in restore-or-renovate prompt library.

Each prompt is one question a network can put to itself after the crisis: do we go back to
how it was (restore), or is this the moment to organise it differently (renovate)? The
questions are drawn from the source texts of the domain (see DOMAIN.md).

The data (`PROMPTS`) is kept apart from the code that looks prompts up, so that prompts a
user adds in the store can later be offered next to the built-in ones. Nothing here imports
Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .i18n import N_, _
from .model import Language, ValidationError, clean_line, clean_text

MAX_PROMPT_TITLE = 60
"""Longest prompt title: it must fit a pick list in an 80-column terminal."""
MAX_EXPLANATION = 70
"""Longest one-line explanation, shown on its own line under or next to the title."""
MAX_PROMPT_ID = 40
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LANGUAGES = tuple(language.value for language in Language)


Texts = Mapping[str, str]
"""A text in one or more languages: {"nl": ..., "en": ...}."""


def pick(texts: Texts, language: str | Language | None) -> str:
    """The text in `language`, else the Dutch, else whichever language there is."""
    key = str(language or Language.NL.value).strip().lower()
    return texts.get(key) or texts.get(Language.NL.value) or next(iter(texts.values()), "")


def clean_texts(
    value: Any,
    what: str,
    *,
    required: bool = True,
    dutch: bool = False,
    limit: int = 200,
    multiline: bool = False,
    field: str | None = None,
) -> dict[str, str]:
    """A {language: text} dict with known languages.

    At least one text when `required`. With `dutch` (the library, whose fallback is Dutch) a
    Dutch text is needed and a dict is; otherwise plain text is taken as Dutch.
    """
    if isinstance(value, str) and not dutch:
        value = {Language.NL.value: value}
    if not isinstance(value, dict):
        raise ValidationError(_("{what} must map a language (nl, en) to text.").format(what=_(what)), field)
    unknown = sorted(str(key) for key in value if key not in _LANGUAGES)
    if unknown:
        raise ValidationError(
            _("{what} has an unknown language: {languages} (use nl or en).").format(
                what=_(what), languages=", ".join(unknown)
            ),
            field,
        )
    cleaned: dict[str, str] = {}
    for language in _LANGUAGES:
        if language in value:
            text = (
                clean_text(value[language], what, field=field)
                if multiline
                else clean_line(value[language], what, limit=limit, field=field)
            )
            if text:
                cleaned[language] = text
    if dutch and not cleaned.get(Language.NL.value):
        raise ValidationError(_("{what} needs a Dutch (nl) text.").format(what=_(what)), field)
    if required and not cleaned:
        raise ValidationError(_("{what} cannot be empty.").format(what=_(what)), field)
    return cleaned


@dataclass(frozen=True)
class Prompt:
    """One restore-or-renovate question with a one-line explanation, in Dutch and English.

    `what_changed` is a short paragraph that fills the "what changed" field of a round
    started from this prompt.
    """

    id: str
    title: dict[str, str] = field(hash=False)
    explanation: dict[str, str] = field(hash=False)
    what_changed: dict[str, str] = field(hash=False, default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not _SLUG.match(self.id) or len(self.id) > MAX_PROMPT_ID:
            raise ValidationError(
                _(
                    "Prompt id {id!r} must be a short slug of lower-case letters, digits and dashes, "
                    "e.g. 'housing-first' (at most {limit} characters)."
                ).format(id=self.id, limit=MAX_PROMPT_ID),
                "id",
            )
        # A frozen dataclass cannot assign in __post_init__; the cleaned copies replace the input.
        for name, what, limit in (
            ("title", N_("Prompt title"), MAX_PROMPT_TITLE),
            ("explanation", N_("Prompt explanation"), MAX_EXPLANATION),
        ):
            object.__setattr__(self, name, clean_texts(getattr(self, name), what, dutch=True, limit=limit, field=what))
        what_changed = self.what_changed or {}
        if what_changed:
            what_changed = clean_texts(
                what_changed, N_("What changed"), dutch=True, multiline=True, field=N_("What changed")
            )
        object.__setattr__(self, "what_changed", what_changed)

    def text(self, language: str | Language | None = Language.NL) -> str:
        """The question in the given language, or in Dutch when there is no translation."""
        return pick(self.title, language)

    def explain(self, language: str | Language | None = Language.NL) -> str:
        """The one-line explanation in the given language (falls back to Dutch)."""
        return pick(self.explanation, language)

    def changed(self, language: str | Language | None = Language.NL) -> str:
        """What changed, to prefill a round (falls back to Dutch; may be empty)."""
        return pick(self.what_changed, language)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, e.g. for prompts a user keeps in the store."""
        return {
            "id": self.id,
            "title": dict(self.title),
            "explanation": dict(self.explanation),
            "what_changed": dict(self.what_changed),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Prompt:
        """Rebuild a prompt; raises ValidationError with a readable message on bad data."""
        if not isinstance(data, dict):
            raise ValidationError(_("A prompt must be a JSON object."))
        unknown = set(data) - {"id", "title", "explanation", "what_changed"}
        if unknown:
            raise ValidationError(
                _("Unknown prompt fields: {fields}.").format(fields=", ".join(sorted(map(str, unknown))))
            )
        try:
            return cls(data["id"], data["title"], data["explanation"], data.get("what_changed") or {})
        except KeyError as missing:
            raise ValidationError(_("A prompt needs a {field!r} field.").format(field=missing.args[0])) from None


def _prompt(id: str, title: tuple[str, str], explanation: tuple[str, str], what_changed: tuple[str, str]) -> Prompt:
    """Shorthand for the table below: each pair is (Dutch, English)."""
    return Prompt(
        id,
        {"nl": title[0], "en": title[1]},
        {"nl": explanation[0], "en": explanation[1]},
        {"nl": what_changed[0], "en": what_changed[1]},
    )


PROMPTS: tuple[Prompt, ...] = (
    _prompt(
        "housing-first",
        (
            "Housing first: daklozen meteen een eigen woonplek?",
            "Housing first: a home for homeless people straight away?",
        ),
        (
            "Onder de noodverordening had iedereen binnen 10 dagen woonruimte.",
            "Under emergency rules all homeless people were housed in 10 days.",
        ),
        (
            "Op basis van de noodverordening kregen alle daklozen binnen tien dagen fatsoenlijke "
            "woonruimte. Ineens begreep iedereen hoe belangrijk een veilige plek is, en het principe "
            "van housing first kreeg een impuls.",
            "Under the emergency ordinance every homeless person had decent housing within ten days. "
            "Suddenly everyone understood how much a safe place matters, and the housing-first "
            "principle gained momentum.",
        ),
    ),
    _prompt(
        "digital-working",
        ("Digitaal werken: blijven we online overleggen?", "Digital working: do we keep meeting online?"),
        (
            "Saaier, maar plannen met partners elders gaat veel efficiënter.",
            "Duller, but planning with partners elsewhere is far more efficient.",
        ),
        (
            "Sinds de maatregelen overleggen we via Teams en Zoom. Thuiswerken is saaier, maar een "
            "afspraak plannen met partners die op andere locaties werken en reistijd hebben, is veel "
            "minder ingewikkeld geworden.",
            "Since the measures we meet on Teams and Zoom. Working from home is duller, but planning a "
            "meeting with partners who work elsewhere and have to travel has become far less "
            "complicated.",
        ),
    ),
    _prompt(
        "elderly-attention",
        (
            "Aandacht voor ouderen: hoe organiseren we die voortaan?",
            "Attention for the elderly: how do we organise it now?",
        ),
        (
            "Ouderen kregen in de crisis niet de aandacht die ze nodig hadden.",
            "In the crisis, older people did not get the attention they needed.",
        ),
        (
            "Dagbesteding en huisbezoeken lagen stil en veel ouderen zaten alleen thuis. Er waren veel "
            "initiatieven van mensen die elkaar hielpen, maar ouderen hebben niet de aandacht gekregen "
            "die nodig was.",
            "Day care and home visits stopped and many older people sat at home alone. There were many "
            "initiatives of people helping each other, but the elderly did not get the attention they "
            "needed.",
        ),
    ),
    _prompt(
        "postponed-care",
        (
            "Uitgestelde zorg: alles inhalen of opnieuw afwegen?",
            "Postponed care: catch up on everything, or weigh it again?",
        ),
        (
            "Zorg is uitgesteld; de problemen zien we waarschijnlijk pas later.",
            "Care was put off; we will probably see the problems only later.",
        ),
        (
            "Behandelingen, keukentafelgesprekken en indicaties zijn uitgesteld. Er worden problemen "
            "verwacht die nu nog niet zichtbaar zijn, en wachtlijsten kunnen oplopen zodra alles weer "
            "op gang komt.",
            "Treatments, needs assessments and referrals were postponed. Problems are expected that are "
            "not yet visible, and waiting lists may grow once everything starts up again.",
        ),
    ),
    _prompt(
        "care-demand",
        ("Weggevallen zorgvraag: terughalen of loslaten?", "Demand for care that fell away: bring it back or let go?"),
        (
            "Een deel van de vraag verdween: minder nodig, of elders opgelost?",
            "Some demand disappeared: was it less needed, or solved elsewhere?",
        ),
        (
            "Een deel van de zorgvraag lijkt weg te vallen, misschien omdat die minder nodig is of "
            "omdat er andere oplossingen zijn. We weten nog niet of die vraag later alsnog terugkomt.",
            "Part of the demand for care seems to have fallen away, perhaps because it is less needed "
            "or because there are other solutions. We do not yet know whether it will come back "
            "later.",
        ),
    ),
    _prompt(
        "lost-work",
        ("Baan of bedrijf kwijt: vaste regels of maatwerk?", "Lost jobs and businesses: fixed rules or tailored help?"),
        (
            "Wie werk verliest, heeft vaak ook andere hulp nodig; kan dat samen?",
            "People who lose their work often need other help too; combine it?",
        ),
        (
            "Mensen zijn hun baan of bedrijf kwijtgeraakt. De werkgroep adviseert maatwerk binnen "
            "bestaande regelingen, zoals werken met behoud van uitkering, en minder bureaucratische "
            "drempels.",
            "People have lost their jobs or businesses. The working group advises tailored solutions "
            "within existing schemes, such as working while keeping benefits, and fewer bureaucratic "
            "barriers.",
        ),
    ),
    _prompt(
        "neighbourhood-teams",
        (
            "Wijkteams: dichter bij de leefwereld van inwoners?",
            "Neighbourhood teams: closer to residents' daily lives?",
        ),
        (
            "Ze bewezen zich, maar soms ontbrak de aansluiting op de leefwereld.",
            "They proved themselves, but sometimes lost touch with daily life.",
        ),
        (
            "Voor de sociale basis en de sociale wijkteams was de crisis de 'proof of the pudding'. In "
            "veel gemeenten hebben ze zich bewezen, maar soms bleek dat de aansluiting met de "
            "leefwereld van kwetsbare inwoners er niet is.",
            "For the social base and the neighbourhood teams the crisis was the proof of the pudding. "
            "In many municipalities they proved themselves, but sometimes they turned out to lack a "
            "link with the daily lives of vulnerable residents.",
        ),
    ),
    _prompt(
        "local-coalitions",
        (
            "Lokale coalities: houden we de nieuwe partners vast?",
            "Local coalitions: do we hold on to the new partners?",
        ),
        (
            "Kerken, ondernemers, vrijwilligers en winkels vingen samen veel op.",
            "Churches, businesses, volunteers and shops caught a lot together.",
        ),
        (
            "In de crisis sprongen kerken, ondernemers, vrijwilligers, winkels en aanbieders bij. De "
            "werkgroep adviseert gemeenten om aan te sluiten bij die veerkracht en coalities van deze "
            "partijen te versterken; zij kunnen het goede gesprek met inwoners voeren.",
            "In the crisis churches, entrepreneurs, volunteers, shops and care providers stepped in. "
            "The working group advises municipalities to build on that resilience and strengthen "
            "coalitions of these parties; they can have the right conversation with residents.",
        ),
    ),
    _prompt(
        "reaching-vulnerable",
        (
            "Kwetsbare inwoners bereiken: houden we de nieuwe methoden?",
            "Reaching vulnerable residents: keep the new methods?",
        ),
        (
            "Sociaal werk vond nieuwe manieren om de kwetsbaarsten te bereiken.",
            "Social work found new ways to reach the most vulnerable residents.",
        ),
        (
            "Veel organisaties vonden nieuwe methoden of poetsten oude op om juist de meest kwetsbare "
            "inwoners te bereiken, van belrondes tot wandelgesprekken. Toch bereiken we lang niet "
            "iedereen op die manier.",
            "Many organisations found new methods, or revived old ones, to reach the most vulnerable "
            "residents, from phone rounds to walk-and-talks. Even so, we do not reach everyone that "
            "way.",
        ),
    ),
    _prompt(
        "trust-partners",
        (
            "Vertrouwen in partners: meer ruimte voor hun vakkennis?",
            "Trust in partners: more room for their expertise?",
        ),
        (
            "Op afstand groeide het vertrouwen tussen gemeente en organisaties.",
            "At a distance, trust grew between municipality and organisations.",
        ),
        (
            "De gemeente werd meer opdrachtgever en verbinder, minder bedenker van beleid. "
            "Organisaties kwamen vanuit hun inhoud tot innovatie, vaak met vrijwilligers, en het "
            "wederzijdse vertrouwen groeide, juist vanwege de afstand.",
            "The municipality became more of a commissioner and connector, less the author of policy. "
            "Organisations innovated from their own expertise, often with volunteers, and mutual trust "
            "grew, precisely because of the distance.",
        ),
    ),
    _prompt(
        "information-position",
        (
            "Informatiepositie: hoe blijven we zichtbaar en op de hoogte?",
            "Information position: how do we stay informed and visible?",
        ),
        (
            "Thuiswerken vertraagt informatie; investeer in persoonlijk contact.",
            "Working from home slows information down; invest in personal contact.",
        ),
        (
            "Nu bijna iedereen thuiswerkt, komt informatie langzamer of niet bij de juiste mensen "
            "terecht. Lokale organisaties moeten weten dat de gemeente er voor ze is; dat vraagt "
            "regelmatig contact, niet alleen schriftelijk.",
            "With almost everyone working from home, information reaches the right people more slowly "
            "or not at all. Local organisations need to know the municipality is there for them; that "
            "takes regular contact, not only in writing.",
        ),
    ),
    _prompt(
        "inform-council",
        (
            "De raad informeren: wat leggen we de politiek voor?",
            "Informing the council: what do we put to politicians?",
        ),
        (
            "Ambtenaren hebben de morele plicht de politiek goed te informeren.",
            "Civil servants have a moral duty to inform politicians well.",
        ),
        (
            "Politisering is onvermijdelijk: als ambtenaar laat je je leiden door wat de politiek "
            "besluit. In de crisis werd snel besloten, vaak buiten de gewone lijnen om; de vraag is hoe "
            "we college en raad goed blijven informeren over problemen en kansen.",
            "Politicisation is unavoidable: as a civil servant you follow what politicians decide. In "
            "the crisis decisions were made quickly, often outside the usual channels; the question is "
            "how we keep the executive and the council well informed about problems and "
            "opportunities.",
        ),
    ),
    _prompt(
        "crisis-priorities",
        (
            "Prioriteiten: houden we vast wat de crisis liet zien?",
            "Priorities: do we keep what the crisis made visible?",
        ),
        (
            "De crisis dwong tot echte keuzes; welke houden we straks aan?",
            "The crisis forced real choices; which of them do we keep?",
        ),
        (
            "Alles wat met corona te maken had, kreeg voorrang en alle neuzen stonden dezelfde kant "
            "op. Bestaande plannen gingen overhoop. Nu het stof neerdaalt, moeten we opnieuw "
            "prioriteiten bepalen.",
            "Everything to do with the pandemic got priority and everyone pulled in the same "
            "direction. Existing plans were turned upside down. Now that the dust settles, we have to "
            "set priorities again.",
        ),
    ),
    _prompt(
        "policy-guide",
        ("Beleid als leidraad: meer ruimte voor de praktijk?", "Policy as a guide: more room for practice?"),
        (
            "Beleid is een leidraad, geen dwangbuis; geef de praktijk de ruimte.",
            "Policy is a guide, not a straitjacket; give practice room to work.",
        ),
        (
            "In de crisis moesten professionals snel pragmatische oplossingen vinden, soms buiten de "
            "regels om. Wat op papier stond, werkte niet altijd in de praktijk; tegelijk bleek er veel "
            "mogelijk als we vertrouwen gaven.",
            "In the crisis professionals had to find pragmatic solutions fast, sometimes outside the "
            "rules. What was on paper did not always work in practice; at the same time much turned "
            "out to be possible when we gave trust.",
        ),
    ),
    _prompt(
        "case-privacy",
        ("Casuïstiek: open zijn en toch de privacy bewaken?", "Case talk: open, while protecting residents' privacy?"),
        (
            "Neem de gemeente mee in casussen, zonder in te boeten op privacy.",
            "Keep the municipality informed on cases without giving up privacy.",
        ),
        (
            "Bestuurders en beleidsmedewerkers zitten dichter dan ooit op de praktijk en krijgen vaker "
            "met individuele casussen te maken. Dat vraagt open en transparante communicatie, zonder "
            "in te boeten op de privacy van de inwoner.",
            "Executives and policy officers are closer to practice than ever and deal more often with "
            "individual cases. That calls for open and transparent communication without compromising "
            "residents' privacy.",
        ),
    ),
    _prompt(
        "learning-together",
        (
            "Samen leren: durven we nieuwe werkvormen te proberen?",
            "Learning together: do we dare to try new ways of working?",
        ),
        (
            "De eerste keren gaat het misschien mis; zo kom je tot verbetering.",
            "The first tries may fail; that is how things get better.",
        ),
        (
            "In de crisis ontstonden nieuwe werkvormen, vaak in een paar dagen. Nieuwe doelen bereik je "
            "niet door het oude te blijven doen; de vraag is of we samen kennis blijven opbouwen en "
            "fouten durven te maken.",
            "In the crisis new ways of working appeared, often within days. You do not reach new goals "
            "by doing the old things; the question is whether we keep building knowledge together and "
            "dare to make mistakes.",
        ),
    ),
    _prompt(
        "national-signals",
        (
            "Signalen naar landelijke partners: korte lijnen houden?",
            "Signals to national partners: keep the short lines?",
        ),
        (
            "Goede voorbeelden en knelpunten ophalen en landelijk agenderen.",
            "Collect good practices and bottlenecks and raise them nationally.",
        ),
        (
            "Signalen van leden, zowel goede voorbeelden als knelpunten, gingen snel naar landelijke "
            "partners als de VNG en VWS, en oplossingen kwamen snel terug naar het lokale veld. Die "
            "korte lijnen willen we na de crisis niet kwijt.",
            "Signals from members, good practices and bottlenecks alike, went quickly to national "
            "partners such as the VNG and the health ministry, and solutions came back fast to the "
            "local field. We do not want to lose those short lines after the crisis.",
        ),
    ),
    _prompt(
        "continued-funding",
        (
            "Doorbetalen aan aanbieders: strikt volgens contract?",
            "Paying providers in a crisis: strictly by the contract?",
        ),
        (
            "Rijk en VNG adviseerden gemeenten om aanbieders door te betalen.",
            "Government and VNG advised municipalities to keep paying providers.",
        ),
        (
            "Sommige gemeenten dreigden de financiering te stoppen als aanbieders zich niet aan het "
            "contract konden houden. Het Rijk en de VNG gaven de richtlijn om gewoon door te betalen; "
            "de vraag is wat dat betekent voor de manier waarop we inkopen.",
            "Some municipalities threatened to stop funding when providers could not keep to the "
            "contract. The government and the VNG told municipalities to keep paying; the question is "
            "what that means for the way we commission care.",
        ),
    ),
)
"""The built-in prompts, in the order the library shows them."""


def prompt_by_id(prompt_id: str, prompts: Iterable[Prompt] | None = None) -> Prompt:
    """The prompt with this id, from `prompts` (default: the built-in library).

    Raises KeyError with a message that names the id and the ids that do exist.
    """
    library = tuple(PROMPTS if prompts is None else prompts)
    wanted = str(prompt_id).strip()
    for prompt in library:
        if prompt.id == wanted:
            return prompt
    known = ", ".join(p.id for p in library) or "none"
    raise KeyError(f"No prompt with id {prompt_id!r} in the library (known ids: {known}).")


__all__ = ["MAX_EXPLANATION", "MAX_PROMPT_TITLE", "PROMPTS", "Prompt", "prompt_by_id"]
