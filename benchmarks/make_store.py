"""Fill a store folder with N realistic sessions, through sdtui's own API.

    python benchmarks/make_store.py N DIR

Most sessions are the demo meeting (Dutch or English) moved to another year, with a made-up
network and title; every 100th session is large: 60 agenda items, 300 action items.
The content is deterministic (random.Random(seed)); the session ids are not (the model draws
them from `secrets`), so two stores made with the same N differ only in ids.

Other benchmarks import `make_store(n, folder)`:

    sys.path.insert(0, str(Path(__file__).parent)); from make_store import make_store
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sdtui.demo import build_demo  # noqa: E402
from sdtui.minutes import MONTHS  # noqa: E402
from sdtui.model import Attendance, ItemKind, Note, Role, Session  # noqa: E402
from sdtui.store import Store  # noqa: E402

BATCH = 500
LARGE_EVERY = 100
YEARS = 10
FIRST_YEAR = 2016

NETWORKS = (
    "Wmo-netwerk Regio Zuid",
    "Wmo-netwerk Noord-Holland Noord",
    "Netwerk Sociaal Domein Twente",
    "Jeugdhulpnetwerk Midden-Brabant",
    "Netwerk Beschermd Wonen Utrecht",
    "Participatienetwerk Rijnmond",
    "Wijkteamnetwerk Groningen-Drenthe",
    "Netwerk Mantelzorg Gelderland",
    "Armoedenetwerk Zeeland",
    "Netwerk Schuldhulp Limburg",
    "Wmo transformatienetwerk",
    "Netwerk Dak- en Thuisloosheid Friesland",
)
MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
FIRST_NAMES = (
    "Anna",
    "Bas",
    "Carla",
    "Daan",
    "Eva",
    "Femke",
    "Gert",
    "Hanna",
    "Iris",
    "Joost",
    "Kim",
    "Lars",
    "Marloes",
    "Niels",
    "Olga",
    "Pieter",
    "Quinten",
    "Roos",
    "Sanne",
    "Thijs",
    "Ursula",
    "Vincent",
    "Willemijn",
    "Yara",
    "Zeger",
)
LAST_NAMES = (
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
)
TOWNS = (
    "Tilburg",
    "Breda",
    "Eindhoven",
    "Zwolle",
    "Enschede",
    "Arnhem",
    "Nijmegen",
    "Leiden",
    "Delft",
    "Haarlem",
    "Alkmaar",
    "Hoorn",
    "Assen",
    "Emmen",
    "Venlo",
    "Middelburg",
)
TOPICS = (
    "huisvesting",
    "schuldhulpverlening",
    "mantelzorgondersteuning",
    "jeugdhulp",
    "beschermd wonen",
    "dagbesteding",
    "vervoer",
    "eenzaamheid",
    "digitale inclusie",
    "inkoop en contractering",
    "wijkteams",
    "cliëntondersteuning",
)
ITEM_KINDS = (
    ItemKind.DISCUSSION,
    ItemKind.DISCUSSION,
    ItemKind.PRESENTATION,
    ItemKind.ROUND,
    ItemKind.SIGNALS,
    ItemKind.OTHER,
)
SENTENCES = (
    "De deelnemers wisselen ervaringen uit over {topic} in hun gemeente.",
    "{town} heeft goede ervaringen met een integrale aanpak van {topic}.",
    "Knelpunt: de wachtlijsten voor {topic} lopen op, vooral in kleinere gemeenten.",
    "Afgesproken wordt om de regionale cijfers over {topic} voor de volgende bijeenkomst te verzamelen.",
    "Er is behoefte aan een gezamenlijke notitie over {topic} richting de colleges.",
    "{town} deelt de evaluatie van de pilot {topic}; die volgt na de zomer.",
)


def _title(rng: random.Random, day: date, english: bool) -> str:
    if english:
        return f"Network meeting {MONTHS[day.month - 1]} {day.year}"
    kind = rng.choice(("Netwerkbijeenkomst", "Themabijeenkomst", "Regiobijeenkomst"))
    return f"{kind} {MONTHS_NL[day.month - 1]} {day.year}"


def _random_day(rng: random.Random) -> date:
    return date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(YEARS * 365))


def demo_session(rng: random.Random) -> Session:
    day = _random_day(rng)
    english = rng.random() < 0.3
    session = build_demo(today=day, language="en" if english else "nl")
    session.date = day
    session.title = _title(rng, day, english)
    session.network = rng.choice(NETWORKS)
    return session


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(topic=rng.choice(TOPICS), town=rng.choice(TOWNS))


def large_session(rng: random.Random, items: int = 60, actions: int = 300) -> Session:
    day = _random_day(rng)
    session = Session(title=_title(rng, day, False) + " (jaarcongres)", network=rng.choice(NETWORKS), date=day)
    names = rng.sample([f"{f} {last}" for f in FIRST_NAMES for last in LAST_NAMES], 30)
    people = []
    for i, name in enumerate(names):
        role = (
            Role.CHAIR
            if i == 0
            else Role.MINUTE_TAKER
            if i == 1
            else rng.choice((Role.MEMBER, Role.MEMBER, Role.MEMBER, Role.GUEST, Role.SPEAKER))
        )
        attendance = rng.choice((Attendance.PRESENT,) * 6 + (Attendance.APOLOGIES, Attendance.ABSENT))
        people.append(session.add_participant(name, f"gemeente {rng.choice(TOWNS)}", role, attendance))
    agenda = []
    for i in range(items):
        topic = rng.choice(TOPICS)
        item = session.add_item(
            f"{i + 1}. {topic.capitalize()}: stand van zaken en vervolg", kind=rng.choice(ITEM_KINDS), timebox=15
        )
        for _ in range(rng.randint(2, 4)):
            item.notes.append(Note(_sentence(rng)))
        agenda.append(item)
    for i in range(actions):
        owner = rng.choice(people)
        item = rng.choice(agenda)
        due = day + timedelta(days=rng.randint(7, 120))
        session.add_action(f"Actie {i + 1}: {_sentence(rng)}", owner.id, due, item_id=item.id)
    return session


def generate(n: int, seed: int = 20240601):
    """Yield n sessions, deterministically (apart from their random ids)."""
    rng = random.Random(seed)
    for i in range(n):
        yield large_session(rng) if i % LARGE_EVERY == LARGE_EVERY - 1 else demo_session(rng)


def make_store(n: int, folder: Path, *, seed: int = 20240601, batch: int = BATCH) -> None:
    """Write n sessions into the store at `folder` (created if missing), `batch` at a time."""
    folder = Path(folder)
    with Store(folder) as store:
        pending: list[Session] = []
        for session in generate(n, seed):
            pending.append(session)
            if len(pending) >= batch:
                store.add_many(pending)
                pending = []
        if pending:
            store.add_many(pending)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many sessions")
    parser.add_argument("dir", type=Path, help="store folder (created if missing)")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    make_store(args.n, args.dir, seed=args.seed)
    took = time.perf_counter() - started
    with Store(args.dir) as store:
        total = len(store.ids())
    print(
        f"wrote {args.n} sessions ({args.n // LARGE_EVERY} large) to {args.dir} in {took:.1f} s; "
        f"the store now holds {total}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
