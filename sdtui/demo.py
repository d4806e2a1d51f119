"""The demo meeting: the first thing a new user sees, and the base of many tests.

It retells the June meeting of the Wmo transformation network from the source texts (see
DOMAIN.md): a guest professor presents the advice of the national working group on the social
impact of the crisis, and the network asks itself "restore or renovate?" about housing first
and digital working, collects signals and reviews its actions. The people are invented; the
municipalities and the questions come from the texts.

The meeting is built through the model's API and then rebuilt from its dict, so every rule of
the model has checked it. Its texts exist in Dutch and in English; the structure (who stands
where, which item overran) is shared, so both versions tell the same meeting.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from .model import ActionStatus, Attendance, ItemKind, Language, Note, Position, Role, Session, Verdict, parse_enum
from .prompts import prompt_by_id

DEMO_NETWORK = "Wmo transformatienetwerk"
DEMO_TITLE = "Netwerkbijeenkomst juni: het sociaal domein na de crisis"
DEMO_TITLE_EN = "June network meeting: the social domain after the crisis"
DEMO_LINK = "https://meet.example.nl/wmo-transformatienetwerk/juni"
DEMO_START = time(13, 30)
DEMO_END = time(16, 0)

# --- the structure, the same in every language ---------------------------------------------

# key, name, organisation key, role, attendance
_PEOPLE: tuple[tuple[str, str, str, Role, Attendance], ...] = (
    ("chair", "Ruud Verhoeven", "tilburg", Role.CHAIR, Attendance.PRESENT),
    ("speaker", "prof. dr. Evert Kleinjan", "working_group", Role.SPEAKER, Attendance.PRESENT),
    ("secretary", "Lotte Brouwer", "secretariat", Role.MINUTE_TAKER, Attendance.PRESENT),
    ("zoe", "Zoë Hendriks", "huizen", Role.MEMBER, Attendance.PRESENT),
    ("fatima", "Fatima El Amrani", "zwijndrecht", Role.MEMBER, Attendance.PRESENT),
    ("jeroen", "Jeroen Bakker", "assen", Role.MEMBER, Attendance.PRESENT),
    ("anouk", "Anouk Veldhuis", "oudewater", Role.MEMBER, Attendance.PRESENT),
    ("bram", "Bram de Wit", "amersfoort", Role.MEMBER, Attendance.PRESENT),
    ("ingrid", "Ingrid Mulder", "social_work", Role.GUEST, Attendance.PRESENT),
    ("koen", "Koen Smit", "groningen", Role.MEMBER, Attendance.APOLOGIES),
    ("petra", "Petra Visser", "leeuwarden", Role.MEMBER, Attendance.APOLOGIES),
    ("hanneke", "Hanneke Bos", "den_helder", Role.MEMBER, Attendance.ABSENT),
)

# key, kind, timebox, presenter key, standing, minutes it actually took
_AGENDA: tuple[tuple[str, ItemKind, int, str, bool, int], ...] = (
    ("opening", ItemKind.OPENING, 10, "chair", True, 9),
    ("speaker", ItemKind.PRESENTATION, 35, "speaker", False, 40),  # questions ran on
    ("housing", ItemKind.ROUND, 25, "chair", False, 25),
    ("break", ItemKind.BREAK, 10, "", False, 10),
    ("digital", ItemKind.ROUND, 20, "chair", False, 19),
    ("signals", ItemKind.SIGNALS, 20, "ingrid", False, 20),
    ("actions", ItemKind.ACTIONS_REVIEW, 10, "secretary", True, 9),
    ("closing", ItemKind.CLOSING, 10, "chair", True, 8),
)
_LATE_START = timedelta(minutes=2)
"""Online meetings start when the last one has found the unmute button."""

# round key, agenda item key, prompt id, positions, verdict
_ROUNDS: tuple[tuple[str, str, str, dict[str, Position], Verdict], ...] = (
    (
        "housing",
        "housing",
        "housing-first",
        {
            "chair": Position.RENOVATE,
            "zoe": Position.RENOVATE,
            "fatima": Position.RENOVATE,
            "jeroen": Position.RESTORE,
            "anouk": Position.RENOVATE,
            "bram": Position.UNDECIDED,
            "ingrid": Position.RENOVATE,
        },
        Verdict.RENOVATE,
    ),
    (
        "digital",
        "digital",
        "digital-working",
        {
            "chair": Position.RENOVATE,
            "zoe": Position.RENOVATE,
            "fatima": Position.RESTORE,
            "jeroen": Position.RENOVATE,
            "anouk": Position.RESTORE,
            "bram": Position.UNDECIDED,
            "ingrid": Position.RESTORE,
        },
        Verdict.DEFERRED,
    ),
)

# signal key, organisation key (of the member who reported it), kind
_SIGNALS: tuple[tuple[str, str, str], ...] = (
    ("shelter", "tilburg", "good-practice"),
    ("laptops", "zwijndrecht", "good-practice"),
    ("volunteers", "oudewater", "good-practice"),
    ("information", "huizen", "bottleneck"),
    ("elderly", "assen", "bottleneck"),
    ("waiting_lists", "amersfoort", "bottleneck"),
    ("funding", "social_work", "bottleneck"),
)

# decision key, agenda item key
_DECISIONS: tuple[tuple[str, str], ...] = (
    ("housing", "housing"),
    ("digital", "digital"),
    ("signals", "signals"),
)

# action key, owner key, days after the meeting it is due, agenda item key, done
_ACTIONS: tuple[tuple[str, str, int, str, bool], ...] = (
    ("slides", "secretary", 1, "speaker", True),
    ("housing_note", "chair", 28, "housing", False),
    ("national", "ingrid", 21, "signals", False),
    ("council_letter", "jeroen", 42, "speaker", False),
    ("online_experiences", "zoe", 84, "digital", False),
)

# --- the words -----------------------------------------------------------------------------

_TEXT: dict[str, dict[str, Any]] = {
    "nl": {
        "title": DEMO_TITLE,
        "network": DEMO_NETWORK,
        "organisations": {
            "tilburg": "gemeente Tilburg",
            "working_group": "Tijdelijke Werkgroep Sociale Impact van het Coronavirus",
            "secretariat": "Wmo transformatienetwerk (secretariaat)",
            "huizen": "gemeente Huizen",
            "zwijndrecht": "gemeente Zwijndrecht",
            "assen": "gemeente Assen",
            "oudewater": "gemeente Oudewater",
            "amersfoort": "gemeente Amersfoort",
            "social_work": "Sociaal Werk Nederland",
            "groningen": "gemeente Groningen",
            "leeuwarden": "gemeente Leeuwarden",
            "den_helder": "gemeente Den Helder",
        },
        "agenda": {
            "opening": "Opening, mededelingen en vaststellen agenda",
            "speaker": "Gastspreker: adviezen van de Tijdelijke Werkgroep Sociale Impact",
            "housing": "Restaureren of renoveren: housing first voor daklozen",
            "break": "Pauze",
            "digital": "Restaureren of renoveren: digitaal werken",
            "signals": "Signalenronde: goede voorbeelden en knelpunten",
            "actions": "Actielijst",
            "closing": "Rondvraag en sluiting",
        },
        "notes": {
            "opening": [
                "De voorzitter heet iedereen welkom, in het bijzonder gastspreker prof. dr. Evert "
                "Kleinjan. Koen Smit en Petra Visser hebben zich afgemeld. De bijeenkomst van april "
                "ging niet door vanwege de maatregelen; dit is de eerste online bijeenkomst van het "
                "netwerk.",
                "Vraag vooraf aan iedereen: kijk met enige afstand naar de eigen werkpraktijk. Door "
                "alle drukte raken we gemakkelijk verzeild in de waan van de dag.",
            ],
            "speaker": [
                "Kernboodschap: de crisis vergroot de tweedeling en vooral kwetsbare inwoners "
                "voelen de pijn. Tegelijk lijkt een deel van de zorgvraag weg te vallen, en worden "
                "er echte prioriteiten gesteld.",
                "Voor herstel is een grote sociale impuls nodig. De werkgroep adviseert: investeer in lokale coalities "
                "van maatschappelijke organisaties, kerken, ondernemers, vrijwilligers, winkels en "
                "aanbieders, en sluit aan bij de veerkracht die er in een gemeente al is. Verder: "
                "maatwerk binnen bestaande regelingen (zoals werken met behoud van uitkering), "
                "gebiedsgerichte aanpakken voor kwetsbare wijken en jongeren een stem geven.",
                "Over de rol van de ambtenaar: politisering is onvermijdelijk en je volgt wat de "
                "politiek besluit, maar je hebt de morele plicht om college en raad goed te "
                "informeren over wat er gebeurt en over de problemen en kansen die je ziet.",
                "Door de vragen uit de zaal liep dit punt vijf minuten uit.",
            ],
            "housing": [
                "Ruud Verhoeven licht toe hoe Tilburg de noodverordening heeft gebruikt: binnen tien "
                "dagen had iedere dakloze fatsoenlijke woonruimte. De tijdelijke opvang loopt "
                "formeel af per 1 september.",
            ],
            "housing_confidential": (
                "Casus uit Zwijndrecht: de heer R. (58) woont sinds april in de noodopvang en heeft "
                "schulden. Hij dreigt na 1 september opnieuw op straat te komen. Het wijkteam is "
                "betrokken. Niet delen buiten dit overleg."
            ),
            "digital": [
                "Meerdere deelnemers missen de informele contacten, maar de opkomst is hoger dan bij "
                "de fysieke bijeenkomsten: vandaag negen deelnemers, onder wie collega's uit zes "
                "gemeenten die anders de reistijd niet konden vrijmaken.",
            ],
            "signals": [
                "Ingrid Mulder neemt de knelpunten mee naar het wekelijkse overleg met VNG en VWS en "
                "koppelt de uitkomst terug via de mailinglijst van het netwerk.",
            ],
            "actions": [
                "Actiepunten van maart: de inventarisatie van vragen aan de wijkteams is afgerond. "
                "Het werkbezoek aan Amersfoort is door de maatregelen vervallen en komt terug op de "
                "agenda van november.",
            ],
            "closing": [
                "Rondvraag: Anouk Veldhuis vraagt wie ervaring heeft met een afwegingskader voor "
                "huisbezoeken. Ingrid Mulder wijst op het kader dat Movisie voor het hele sociaal "
                "werk heeft gemaakt.",
                "Volgende bijeenkomst: de 24-uursbijeenkomst in Assen op 12 en 13 november.",
            ],
        },
        "rounds": {
            "housing": {
                "topic": "Housing first voor dak- en thuislozen",
                "what_changed": (
                    "In Tilburg kregen alle daklozen op basis van de noodverordening binnen tien "
                    "dagen fatsoenlijke woonruimte. Ineens begreep iedereen hoe belangrijk een "
                    "veilige plek is. Andere gemeenten vingen dak- en thuislozen op in hotels en "
                    "vakantieparken. Het principe van housing first heeft een impuls gekregen."
                ),
                "restore": [
                    "De noodopvang in hotels en vakantieparken was tijdelijk en duur; die kosten "
                    "kunnen we niet structureel dragen.",
                    "Corporaties en omwonenden zijn in tien dagen niet meegenomen. Zonder hun "
                    "draagvlak houdt het geen stand.",
                    "De noodverordening gaf bevoegdheden die we straks niet meer hebben; met de "
                    "gewone regels duurt een woning weer maanden.",
                ],
                "renovate": [
                    "In tien dagen bleek mogelijk wat we jaren onhaalbaar vonden: eerst een veilige plek, dan de rest.",
                    "Zonder eigen woonplek komen begeleiding, schuldhulp en werk niet van de grond.",
                    "College en raad voelen nu de urgentie. Dat moment moeten we benutten voor "
                    "structurele afspraken met de corporaties.",
                ],
                "rationale": (
                    "Een ruime meerderheid kiest voor renoveren: housing first wordt het "
                    "uitgangspunt, ook na de noodverordening. De zorgen over kosten en draagvlak bij "
                    "corporaties en omwonenden nemen we mee in de uitwerking; Tilburg deelt zijn "
                    "aanpak als vertrekpunt."
                ),
            },
            "digital": {
                "topic": "Digitaal werken en online overleggen",
                "what_changed": (
                    "Sinds maart overleggen we via Teams en Zoom, ook met lokale partners. "
                    "Thuiswerken is saaier, maar afspreken met partners die op andere locaties "
                    "werken en reistijd hebben, is veel minder ingewikkeld geworden."
                ),
                "restore": [
                    "Online missen we de wandelgangen; juist in informele gesprekken ontstaan nieuwe verbindingen.",
                    "Niet iedere partner, en lang niet iedere inwoner, kan of wil digitaal meedoen.",
                    "Een middag achter het scherm is vermoeiend; de energie van een fysieke bijeenkomst ontbreekt.",
                ],
                "renovate": [
                    "Plannen met partners op andere locaties gaat veel sneller, en de reistijd valt weg.",
                    "Collega's uit kleine gemeenten sluiten makkelijker aan: de opkomst is hoger dan vorig jaar.",
                ],
                "rationale": (
                    "De meningen zijn verdeeld. Digitaal is efficiënter, maar de informele contacten "
                    "en de energie van elkaar zien wegen ook zwaar. Eerst halen we de ervaringen van "
                    "de leden op; op de 24-uursbijeenkomst in Assen besluit het netwerk over de vorm "
                    "van de bijeenkomsten."
                ),
            },
        },
        "signals": {
            "shelter": "Binnen tien dagen woonruimte voor alle daklozen op basis van de "
            "noodverordening; het wijkteam begeleidt iedereen vanaf de eerste dag.",
            "laptops": "De sociale dienst zamelde laptops in en het onderwijs wist welke kinderen "
            "zonder laptop thuis werkten. De gemeente bracht die twee bij elkaar.",
            "volunteers": "Kerken, vrijwilligers en lokale ondernemers hielpen samen met boodschappen "
            "en een belronde langs alle 75-plussers.",
            "information": "Informatie komt langzamer binnen nu iedereen thuiswerkt; signalen van "
            "lokale organisaties horen we later dan vroeger.",
            "elderly": "Ouderen die thuis wonen zijn uit beeld geraakt: de dagbesteding lag stil en "
            "mantelzorgers raken overbelast.",
            "waiting_lists": "Door uitgestelde zorg lopen de wachtlijsten bij jeugdhulp en ggz op; we "
            "verwachten een piek na de zomer.",
            "funding": "Sommige gemeenten dreigden de financiering te stoppen als aanbieders zich "
            "niet aan het contract konden houden, ondanks de richtlijn van Rijk en VNG "
            "om door te betalen.",
        },
        "decisions": {
            "housing": (
                "Het netwerk kiest voor renoveren: housing first wordt het uitgangspunt voor de "
                "opvang van dak- en thuislozen, ook na de noodverordening.",
                "In tien dagen bleek mogelijk wat jaren onhaalbaar leek; een veilige plek is de basis "
                "voor alle verdere hulp.",
            ),
            "digital": (
                "Het besluit over online, fysiek of gemengd vergaderen wordt uitgesteld tot de "
                "24-uursbijeenkomst in Assen.",
                "De meningen zijn verdeeld; eerst halen we de ervaringen van de leden op.",
            ),
            "signals": (
                "Sociaal Werk Nederland neemt de knelpunten uit de signalenronde mee naar het "
                "landelijk overleg met VNG en VWS.",
                "Doorbetalen en uitgestelde zorg spelen in alle gemeenten; dat vraagt een landelijk antwoord.",
            ),
        },
        "actions": {
            "slides": "De presentatie van prof. dr. Evert Kleinjan en het advies van de werkgroep "
            "rondsturen aan alle leden.",
            "housing_note": "De Tilburgse aanpak van housing first (noodverordening, afspraken met "
            "corporaties, begeleiding) beschrijven in een notitie van twee pagina's.",
            "national": "De knelpunten over doorbetalen, ouderen en uitgestelde zorg inbrengen in het "
            "landelijk overleg en de uitkomst terugkoppelen aan het netwerk.",
            "council_letter": "Een voorbeeld van een raadsinformatiebrief over de lessen uit de "
            "crisis delen met het netwerk.",
            "online_experiences": "Ervaringen van de leden met online en gemengd vergaderen ophalen "
            "en op een rij zetten voor de 24-uursbijeenkomst.",
        },
    },
    "en": {
        "title": DEMO_TITLE_EN,
        "network": "Wmo transformation network",
        "organisations": {
            "tilburg": "Municipality of Tilburg",
            "working_group": "Temporary Working Group on the Social Impact of the Coronavirus",
            "secretariat": "Wmo transformation network (secretariat)",
            "huizen": "Municipality of Huizen",
            "zwijndrecht": "Municipality of Zwijndrecht",
            "assen": "Municipality of Assen",
            "oudewater": "Municipality of Oudewater",
            "amersfoort": "Municipality of Amersfoort",
            "social_work": "Sociaal Werk Nederland",
            "groningen": "Municipality of Groningen",
            "leeuwarden": "Municipality of Leeuwarden",
            "den_helder": "Municipality of Den Helder",
        },
        "agenda": {
            "opening": "Opening, announcements and agenda",
            "speaker": "Guest speaker: advice of the Working Group on Social Impact",
            "housing": "Restore or renovate: housing first for homeless people",
            "break": "Break",
            "digital": "Restore or renovate: digital working",
            "signals": "Signals round: good practices and bottlenecks",
            "actions": "Action list",
            "closing": "Any other business and closing",
        },
        "notes": {
            "opening": [
                "The chair welcomes everyone, in particular our guest speaker prof. dr. Evert "
                "Kleinjan. Koen Smit and Petra Visser sent their apologies. The April meeting was "
                "cancelled because of the measures; this is the network's first online meeting.",
                "A request to everyone: look at your own practice from a little distance. With all "
                "the pressure it is easy to get lost in the issues of the day.",
            ],
            "speaker": [
                "Key message: the crisis deepens the divide and vulnerable residents above all feel "
                "the pain. At the same time part of the demand for care seems to fall away, and real "
                "priorities are being set.",
                "Recovery needs a strong social impulse. The working group advises: invest in local coalitions "
                "of community organisations, churches, entrepreneurs, volunteers, shops and care "
                "providers, and build on the resilience a municipality already has. Further: "
                "tailored solutions within existing schemes (such as working while keeping "
                "benefits), area-based approaches for vulnerable neighbourhoods, and a voice for "
                "young people.",
                "On the role of the civil servant: politicisation is unavoidable and you follow what "
                "politicians decide, but you have a moral duty to inform the executive and the "
                "council well about what is happening and about the problems and opportunities you "
                "see.",
                "Questions from the audience made this item run five minutes over.",
            ],
            "housing": [
                "Ruud Verhoeven explains how Tilburg used the emergency ordinance: within ten days "
                "every homeless person had decent housing. The temporary shelter formally ends on "
                "1 September.",
            ],
            "housing_confidential": (
                "Case from Zwijndrecht: Mr R. (58) has lived in the emergency shelter since April and "
                "has debts. He risks becoming homeless again after 1 September. The neighbourhood "
                "team is involved. Not to be shared outside this meeting."
            ),
            "digital": [
                "Several participants miss the informal contact, but attendance is higher than at "
                "the meetings in person: nine participants today, among them colleagues from six "
                "municipalities who could not otherwise spare the travel time.",
            ],
            "signals": [
                "Ingrid Mulder takes the bottlenecks to the weekly meeting with the VNG and the "
                "health ministry and reports back on the network's mailing list.",
            ],
            "actions": [
                "Actions from March: the survey of questions to the neighbourhood teams is done. The "
                "working visit to Amersfoort was cancelled because of the measures and returns on "
                "the November agenda.",
            ],
            "closing": [
                "Any other business: Anouk Veldhuis asks who has experience with a framework for "
                "deciding on home visits. Ingrid Mulder points to the framework Movisie made for all "
                "of social work.",
                "Next meeting: the 24-hour gathering in Assen on 12 and 13 November.",
            ],
        },
        "rounds": {
            "housing": {
                "topic": "Housing first for homeless people",
                "what_changed": (
                    "Under the emergency ordinance Tilburg found decent housing for every homeless "
                    "person within ten days. Suddenly everyone understood how much a safe place "
                    "matters. Other municipalities sheltered homeless people in hotels and holiday "
                    "parks. The housing-first principle has gained momentum."
                ),
                "restore": [
                    "The emergency shelter in hotels and holiday parks was temporary and expensive; "
                    "we cannot carry those costs for good.",
                    "Housing associations and neighbours were not involved in those ten days. Without "
                    "their support it will not last.",
                    "The emergency ordinance gave powers we will soon no longer have; under the "
                    "ordinary rules a home takes months again.",
                ],
                "renovate": [
                    "In ten days we did what we had thought impossible for years: a safe place first, then the rest.",
                    "Without a home of their own, support, debt counselling and work never get off the ground.",
                    "The executive and the council feel the urgency now. We should use that moment "
                    "for lasting agreements with the housing associations.",
                ],
                "rationale": (
                    "A clear majority chooses to renovate: housing first becomes the starting point, "
                    "also after the emergency ordinance. The concerns about costs and about support "
                    "from housing associations and neighbours go into the detailed plan; Tilburg "
                    "shares its approach as a starting point."
                ),
            },
            "digital": {
                "topic": "Digital working and meeting online",
                "what_changed": (
                    "Since March we meet on Teams and Zoom, local partners included. Working from "
                    "home is duller, but arranging a meeting with partners who work elsewhere and "
                    "have to travel has become far less complicated."
                ),
                "restore": [
                    "Online we miss the corridors; new connections grow precisely in informal talk.",
                    "Not every partner, and far from every resident, can or wants to take part online.",
                    "An afternoon behind a screen is tiring; the energy of meeting in person is missing.",
                ],
                "renovate": [
                    "Planning with partners in other places is much faster, and there is no travel time.",
                    "Colleagues from small municipalities join more easily: attendance is higher than last year.",
                ],
                "rationale": (
                    "Opinions are divided. Digital is more efficient, but informal contact and the "
                    "energy of seeing each other matter too. First we collect the members' "
                    "experiences; at the 24-hour gathering in Assen the network decides on the form "
                    "of its meetings."
                ),
            },
        },
        "signals": {
            "shelter": "Housing for every homeless person within ten days under the emergency "
            "ordinance; the neighbourhood team supports everyone from day one.",
            "laptops": "The social services collected laptops and the schools knew which children "
            "worked at home without one. The municipality brought the two together.",
            "volunteers": "Churches, volunteers and local entrepreneurs together did the shopping and "
            "phoned every resident over 75.",
            "information": "Information arrives more slowly now everyone works from home; we hear "
            "signals from local organisations later than before.",
            "elderly": "Older people living at home dropped out of sight: day care stopped and "
            "informal carers are overburdened.",
            "waiting_lists": "Postponed care makes waiting lists for youth care and mental health "
            "care grow; we expect a peak after the summer.",
            "funding": "Some municipalities threatened to stop funding when providers could not keep "
            "to the contract, despite the government's and the VNG's guideline to keep "
            "paying.",
        },
        "decisions": {
            "housing": (
                "The network chooses to renovate: housing first becomes the starting point for "
                "sheltering homeless people, also after the emergency ordinance.",
                "Ten days showed what had seemed impossible for years; a safe place is the basis for all further help.",
            ),
            "digital": (
                "The decision on meeting online, in person or hybrid is deferred to the 24-hour gathering in Assen.",
                "Opinions are divided; first we collect the members' experiences.",
            ),
            "signals": (
                "Sociaal Werk Nederland takes the bottlenecks from the signals round to the national "
                "meeting with the VNG and the health ministry.",
                "Continued payment and postponed care affect every municipality; they need a national answer.",
            ),
        },
        "actions": {
            "slides": "Send the presentation of prof. dr. Evert Kleinjan and the working group's "
            "advice to all members.",
            "housing_note": "Describe Tilburg's housing-first approach (emergency ordinance, "
            "agreements with housing associations, support) in a two-page note.",
            "national": "Raise the bottlenecks on continued payment, the elderly and postponed care "
            "in the national meeting and report the outcome to the network.",
            "council_letter": "Share an example of an information letter to the council on the "
            "lessons of the crisis with the network.",
            "online_experiences": "Collect the members' experiences with online and hybrid meetings "
            "and summarise them for the 24-hour gathering.",
        },
    },
}


def demo_date(year: int) -> date:
    """The third Thursday of June of `year`: the network's usual June meeting day."""
    first = date(year, 6, 1)
    first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + timedelta(weeks=2)


def build_demo(*, today: date | None = None, language: Language | str = Language.NL) -> Session:
    """The demo meeting, held and closed on the third Thursday of June of today's year.

    `language` picks Dutch (the default) or English texts; names, timing and positions are the
    same in both.
    """
    lang = parse_enum(Language, language, "Language")
    words = _TEXT[lang.value]
    day = demo_date((today or date.today()).year)
    people_names = {key: name for key, name, *_ in _PEOPLE}
    organisations = words["organisations"]

    session = Session(
        title=words["title"],
        network=words["network"],
        date=day,
        start_time=DEMO_START,
        end_time=DEMO_END,
        online_link=DEMO_LINK,
        chair=people_names["chair"],
        guest_speakers=[people_names["speaker"]],
        language=lang,
    )

    people = {
        key: session.add_participant(name, organisations[org], role, attendance)
        for key, name, org, role, attendance in _PEOPLE
    }

    items = {
        key: session.add_item(
            words["agenda"][key],
            kind=kind,
            timebox=timebox,
            standing=standing,
            presenter=people_names[presenter] if presenter else "",
        )
        for key, kind, timebox, presenter, standing, _ in _AGENDA
    }

    for key, item in items.items():
        item.notes.extend(Note(text) for text in words["notes"].get(key, []))
    # The one confidential note: a case detail that must never reach the minutes.
    items["housing"].notes.append(Note(words["notes"]["housing_confidential"], confidential=True))

    for key, item_key, prompt_id, positions, verdict in _ROUNDS:
        text = words["rounds"][key]
        prompt_by_id(prompt_id)  # fail loudly here if the library ever drops the prompt
        round_ = session.add_round(
            text["topic"], item_id=items[item_key].id, what_changed=text["what_changed"], prompt_id=prompt_id
        )
        round_.restore_args.extend(text["restore"])
        round_.renovate_args.extend(text["renovate"])
        for person, position in positions.items():
            session.set_position(round_.id, people[person].id, position)
        round_.decision = verdict
        round_.rationale = text["rationale"]

    for key, org, kind in _SIGNALS:
        session.add_signal(organisations[org], kind, words["signals"][key], item_id=items["signals"].id)

    for key, item_key in _DECISIONS:
        text, rationale = words["decisions"][key]
        session.add_decision(text, rationale, item_id=items[item_key].id)

    for key, owner, days, item_key, done in _ACTIONS:
        action = session.add_action(
            words["actions"][key], people[owner].id, day + timedelta(days=days), item_id=items[item_key].id
        )
        if done:
            action.status = ActionStatus.DONE

    _hold(session, datetime.combine(day, DEMO_START) + _LATE_START)
    # Rebuild from the dict so every validation rule of the model has seen the finished meeting.
    return Session.from_dict(session.to_dict())


def _hold(session: Session, start: datetime) -> None:
    """Run the agenda with the model's clock, item by item, as the facilitator did."""
    moment = start
    session.start(moment)
    for index, (*_, minutes) in enumerate(_AGENDA):
        if index:
            session.go_to(index, moment)
        moment += timedelta(minutes=minutes)
    session.close(moment)


__all__ = ["DEMO_NETWORK", "DEMO_TITLE", "DEMO_TITLE_EN", "build_demo", "demo_date"]
